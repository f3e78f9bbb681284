package dev.scimlambda.connection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of directory connections. */
public interface ConnectionStore {

  void create(Connection connection);

  /** Strongly consistent: a deletion or rotation is seen by the very next request. */
  Optional<Connection> find(String connectionId);

  /** The workspace's connections, oldest first, deleted ones included. */
  List<Connection> listByWorkspace(String workspaceId);

  /**
   * Makes {@code newVersion} the connection's secret and keeps {@code expectedVersion} valid until
   * {@code previousValidUntil}. Throws {@link dev.scimlambda.problem.ConflictException} when the
   * connection is deleted or its secret is no longer {@code expectedVersion} (a concurrent rotation).
   */
  void rotateSecret(String connectionId, String expectedVersion, String newVersion, Instant previousValidUntil);

  /** Marks the connection deleted; returns false when it already was. */
  boolean markDeleted(String connectionId, Instant deletedAt);

  /**
   * Records that the IdP was seen. Best effort and rate limited by the caller: the "last request
   * seen" an admin reads needs minute precision, not a write per request.
   */
  void touch(String connectionId, Instant seenAt);
}
