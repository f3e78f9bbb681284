package dev.scimlambda.directorysync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pull connections as the admin API offers them (docs/directory-sync.md): created with their
 * credentials, which are stored and never shown again, scheduled, synced on demand, with their
 * run history.
 */
public final class DirectorySyncConnections {

  public static final int MAX_GROUP_SEARCH = 100;

  static final int DEFAULT_RUNS_PAGE = 50;
  static final int MAX_RUNS_PAGE = 100;

  private final Connections connections;
  private final DirectorySyncStore store;
  private final DirectoryCredentialsStore credentials;
  private final DirectorySyncEngine engine;
  private final DirectoryProviders providers;
  private final SyncDispatch dispatch;
  private final Clock clock;

  public DirectorySyncConnections(Connections connections, DirectorySyncStore store,
      DirectoryCredentialsStore credentials, DirectorySyncEngine engine, DirectoryProviders providers,
      SyncDispatch dispatch, Clock clock) {
    this.connections = connections;
    this.store = store;
    this.credentials = credentials;
    this.engine = engine;
    this.providers = providers;
    this.dispatch = dispatch;
    this.clock = clock;
  }

  /** A pull connection with its state, for the connection view. */
  public record PullConnection(Connection connection, ConnectionSyncState state, SyncRun lastRun) {}

  /**
   * Creates the connection, stores its credentials, schedules it, and starts its first run (a full
   * pass). Credentials are checked for shape here; whether the directory accepts them the first
   * run tells, in the provider's words.
   */
  public PullConnection create(String workspaceId, String name, DirectoryKind kind, JsonNode credentialFields,
      GroupSelection selection, Duration interval) {
    DirectoryCredentials parsed = DirectoryCredentialsJson.read(kind, credentialFields);
    Duration validInterval = ConnectionSyncState.validInterval(interval);
    Connection connection = connections.createPull(workspaceId, name, kind.idpType());
    credentials.put(connection.id(), parsed);
    store.saveState(ConnectionSyncState.created(connection.id(), workspaceId, kind, selection, validInterval,
        clock.instant()));
    SyncRun first = engine.start(connection.id(), SyncRun.Trigger.CREATED, true);
    dispatch.continueAt(connection.id(), first.id(), clock.instant());
    return new PullConnection(connection, state(connection.id()), first);
  }

  public PullConnection get(String workspaceId, String connectionId) {
    Connection connection = pull(workspaceId, connectionId);
    ConnectionSyncState state = state(connectionId);
    SyncRun last = store.runs(connectionId, null, 1).runs().stream().findFirst().orElse(null);
    return new PullConnection(connection, state, last);
  }

  /** The state of a pull connection, for views of any connection: empty for SCIM connections. */
  public Optional<PullConnection> find(Connection connection) {
    if (!connection.type().pull()) {
      return Optional.empty();
    }
    return store.state(connection.id()).map(state -> new PullConnection(connection, state,
        store.runs(connection.id(), null, 1).runs().stream().findFirst().orElse(null)));
  }

  public void replaceCredentials(String workspaceId, String connectionId, JsonNode credentialFields) {
    Connection connection = activePull(workspaceId, connectionId);
    DirectoryKind kind = DirectoryKind.of(connection.type()).orElseThrow();
    credentials.put(connectionId, DirectoryCredentialsJson.read(kind, credentialFields));
    store.saveSettings(state(connectionId).withCredentialsUpdatedAt(clock.instant()));
  }

  public ConnectionSyncState changeSettings(String workspaceId, String connectionId, Optional<GroupSelection> selection,
      Optional<Duration> interval) {
    activePull(workspaceId, connectionId);
    ConnectionSyncState state = state(connectionId);
    Duration newInterval = interval.map(ConnectionSyncState::validInterval).orElse(state.interval());
    ConnectionSyncState changed = state.withSettings(selection.orElse(state.selection()), newInterval);
    store.saveSettings(changed);
    return changed;
  }

  /** Sync now: starts a run (or answers the running one) and has it worked on at once. */
  public SyncRun syncNow(String workspaceId, String connectionId, boolean full) {
    activePull(workspaceId, connectionId);
    SyncRun run = engine.start(connectionId, SyncRun.Trigger.MANUAL, full);
    dispatch.continueAt(connectionId, run.id(), clock.instant());
    return run;
  }

  /**
   * The schedule's tick (every few minutes, one for the deployment): starts a run of each
   * connection that is due, at most {@code limit}; the rest are due at the next tick.
   */
  public List<SyncRun> startDueRuns(int limit) {
    List<SyncRun> started = new java.util.ArrayList<>();
    for (String connectionId : store.dueConnections(clock.instant(), limit)) {
      SyncRun run = engine.start(connectionId, SyncRun.Trigger.SCHEDULE, false);
      dispatch.continueAt(connectionId, run.id(), clock.instant());
      started.add(run);
    }
    return started;
  }

  /** Newest first, {@code limit} 1 to {@value #MAX_RUNS_PAGE} (absent: {@value #DEFAULT_RUNS_PAGE}). */
  public DirectorySyncStore.RunPage runs(String workspaceId, String connectionId, String cursor, Integer limit) {
    int size = limit == null ? DEFAULT_RUNS_PAGE : limit;
    if (size < 1 || size > MAX_RUNS_PAGE) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_RUNS_PAGE);
    }
    pull(workspaceId, connectionId);
    return store.runs(connectionId, cursor, size);
  }

  public SyncRun run(String workspaceId, String connectionId, String runId) {
    pull(workspaceId, connectionId);
    return store.run(connectionId, runId).orElseThrow(() -> new NotFoundException("run " + runId + " not found"));
  }

  /** Groups to choose from, read live; provider errors reach the caller as they are. */
  public List<DirectoryGroup> findGroups(String workspaceId, String connectionId, String namePrefix) {
    activePull(workspaceId, connectionId);
    if (namePrefix != null && namePrefix.length() > 256) {
      throw new InvalidInputException("search", "search is at most 256 characters");
    }
    return providers.open(credentials.get(connectionId)).findGroups(namePrefix == null ? "" : namePrefix,
        MAX_GROUP_SEARCH);
  }

  /** The connection was deleted: no more runs, no credentials, no sync state. */
  public void forget(String connectionId) {
    credentials.delete(connectionId);
    store.deleteAll(connectionId);
  }

  private Connection pull(String workspaceId, String connectionId) {
    Connection connection = connections.get(workspaceId, connectionId);
    if (!connection.type().pull()) {
      throw new ConflictException("connection " + connectionId + " is a SCIM connection; the IdP pushes to it");
    }
    return connection;
  }

  private Connection activePull(String workspaceId, String connectionId) {
    Connection connection = pull(workspaceId, connectionId);
    if (connection.isDeleted()) {
      throw new ConflictException("connection " + connectionId + " is deleted");
    }
    return connection;
  }

  private ConnectionSyncState state(String connectionId) {
    return store.state(connectionId)
        .orElseThrow(() -> new NotFoundException("connection " + connectionId + " has no Directory Sync state"));
  }
}
