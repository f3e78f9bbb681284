package dev.scimlambda.connection;

import java.util.Map;
import java.util.Optional;
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
    return find(connectionId).orElseThrow(() -> new IllegalStateException("unknown connection"));
  }

  /** Empty for a connection that does not exist. */
  public Optional<String> find(String connectionId) {
    String cached = known.get(connectionId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> found = connections.find(connectionId).map(Connection::workspaceId);
    found.ifPresent(ws -> known.put(connectionId, ws));
    return found;
  }
}
