package dev.scimlambda.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which workspace a connection belongs to. Remembered once read: a connection never moves, and
 * items in a connection's partition do not repeat the workspace id.
 */
public final class ConnectionWorkspaces {

  private final ConnectionStore connections;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  public ConnectionWorkspaces(ConnectionStore connections) {
    this.connections = connections;
  }

  public String of(String connectionId) {
    return known.computeIfAbsent(connectionId, id -> connections.find(id)
        .map(Connection::workspaceId)
        .orElseThrow(() -> new IllegalStateException("change of an unknown connection")));
  }
}
