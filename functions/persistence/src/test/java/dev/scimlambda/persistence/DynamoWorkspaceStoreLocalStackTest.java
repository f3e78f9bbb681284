package dev.scimlambda.persistence;

import dev.scimlambda.emulators.LocalStackEmulator;
import org.junit.jupiter.api.BeforeEach;

/** The same specification as {@link DynamoWorkspaceStoreTest}, against DynamoDB in LocalStack. */
class DynamoWorkspaceStoreLocalStackTest extends DynamoWorkspaceStoreTest {

  @BeforeEach
  void requireDocker() {
    LocalStackEmulator.assumeAvailable();
  }

  @Override
  TableAccess newTable() {
    return LocalStackTables.newTable();
  }
}
