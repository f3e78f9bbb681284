package dev.scimlambda.mapping;

import java.util.Optional;

/** Persistence of connections' mappings. */
public interface ConnectionMappingStore {

  Optional<ConnectionMapping> find(String connectionId);

  /**
   * Stores {@code desired} (version {@code expectedVersion + 1}) and, in the same transaction,
   * (re)starts the connection-wide refresh job that re-applies it to the connection's users.
   * Throws {@link dev.scimlambda.problem.ConflictException} when the stored version is not
   * {@code expectedVersion}.
   */
  void save(ConnectionMapping desired, long expectedVersion);
}
