package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.scim.users.ScimUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB Local never cancels a transaction for a conflict with another one, so the conflict is
 * injected: a client that cancels the first N transactions the way DynamoDB does.
 */
class TransactionConflictTest {

  private static DynamoDbClient conflicting(DynamoDbClient real, int conflicts, AtomicInteger attempts) {
    return (DynamoDbClient) Proxy.newProxyInstance(
        DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems") && attempts.incrementAndGet() <= conflicts) {
            throw TransactionCanceledException.builder()
                .message("Transaction cancelled")
                .cancellationReasons(
                    CancellationReason.builder().code("TransactionConflict").build(),
                    CancellationReason.builder().code("None").build())
                .build();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static ScimUser ada() {
    ObjectNode document = ScimJson.MAPPER.createObjectNode().put("userName", "ada");
    Instant now = Instant.now();
    return new ScimUser("c1", "u1", document, "ada", null, Set.of(), true, now, now, 1);
  }

  @Test
  void aTransactionCancelledByAConflictIsRetriedAndSucceeds() {
    TableAccess real = TableFixture.newTable();
    AtomicInteger attempts = new AtomicInteger();
    var store = new DynamoUserStore(new TableAccess(conflicting(real.dynamo(), 2, attempts), real.tableName()));
    store.create(ada());
    assertThat(attempts).hasValue(3);
    assertThat(store.find("c1", "u1")).isPresent();
  }

  @Test
  void aConflictThatPersistsIsReportedAsAConcurrentChangeAndWritesNothing() {
    TableAccess real = TableFixture.newTable();
    AtomicInteger attempts = new AtomicInteger();
    var store = new DynamoUserStore(new TableAccess(conflicting(real.dynamo(), 99, attempts), real.tableName()));
    assertThatThrownBy(() -> store.create(ada())).isInstanceOf(VersionMismatch.class);
    assertThat(attempts).hasValue(DynamoUserStore.TRANSACTION_ATTEMPTS);
    assertThat(new DynamoUserStore(real).find("c1", "u1")).isEmpty();
  }
}
