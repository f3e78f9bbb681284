package dev.scimlambda.persistence;

import dev.scimlambda.emulators.LocalStackEmulator;
import org.junit.jupiter.api.BeforeEach;

/** The same specification as {@link DynamoGroupStoreTest}, against DynamoDB in LocalStack. */
class DynamoGroupStoreLocalStackTest extends DynamoGroupStoreTest {

  @BeforeEach
  void requireDocker() {
    LocalStackEmulator.assumeAvailable();
  }

  @Override
  TableAccess newTable() {
    return LocalStackTables.newTable();
  }
}
