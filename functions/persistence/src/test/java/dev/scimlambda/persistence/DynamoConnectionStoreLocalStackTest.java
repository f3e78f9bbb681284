package dev.scimlambda.persistence;

import dev.scimlambda.emulators.LocalStackEmulator;
import org.junit.jupiter.api.BeforeEach;

/** The same specification as {@link DynamoConnectionStoreTest}, against DynamoDB in LocalStack. */
class DynamoConnectionStoreLocalStackTest extends DynamoConnectionStoreTest {

  @BeforeEach
  void requireDocker() {
    LocalStackEmulator.assumeAvailable();
  }

  @Override
  TableAccess newTable() {
    return LocalStackTables.newTable();
  }
}
