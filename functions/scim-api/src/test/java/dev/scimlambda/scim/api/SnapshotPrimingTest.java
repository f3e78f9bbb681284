package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** SnapStart priming (the CRaC hooks Lambda calls around the snapshot) touches no customer data. */
class SnapshotPrimingTest extends ScimTestConnections {

  private static int items() {
    try (DynamoDbClient dynamo = stack.database().client()) {
      return dynamo.scan(b -> b.tableName(stack.tableName()).select(Select.COUNT).consistentRead(true)).count();
    }
  }

  @Test
  void primingWritesNothingAndTheNextRequestIsServed() {
    IssuedConnection connection = newConnection();
    createUser(connection, userJson("ada@example.com"));
    int before = items();

    handler.beforeCheckpoint(null);
    handler.afterRestore(null);

    assertThat(items()).isEqualTo(before);
    assertThat(get(connection, "/Users?filter=userName%20eq%20%22ada@example.com%22").json().get("totalResults").asInt())
        .isEqualTo(1);
  }
}
