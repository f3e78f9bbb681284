package dev.scimlambda.persistence;

import dev.scimlambda.emulators.LocalStackEmulator;
import org.junit.jupiter.api.BeforeEach;

/** The same specification as {@link DynamoUserStoreTest}, against DynamoDB in LocalStack. */
class DynamoUserStoreLocalStackTest extends DynamoUserStoreTest {

  @BeforeEach
  void requireDocker() {
    LocalStackEmulator.assumeAvailable();
  }

  @Override
  TableAccess newTable() {
    return LocalStackTables.newTable();
  }
}
