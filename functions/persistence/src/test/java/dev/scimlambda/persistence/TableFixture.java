package dev.scimlambda.persistence;

import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.table.TableDefinition;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * One DynamoDB Local per test JVM, a fresh table per fixture, and a client that records every
 * DynamoDB operation it performs, so tests can hold the stores to {@link TableAccess#IAM_ACTIONS}.
 */
final class TableFixture {

  private static final DynamoDbLocal DATABASE = DynamoDbLocal.inMemory();
  static final Set<String> CALLED_ACTIONS = ConcurrentHashMap.newKeySet();

  private TableFixture() {}

  static TableAccess newTable() {
    String name = "scim-" + UUID.randomUUID();
    DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(DATABASE.endpoint())
            .region(DynamoDbLocal.REGION)
            .credentialsProvider(DynamoDbLocal.credentials())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new RecordActions()))
            .build();
    try (DynamoDbClient admin = DATABASE.client()) {
      TableDefinition.load().createIfAbsent(admin, name);
    }
    return new TableAccess(dynamo, name);
  }

  /** Records IAM actions: a transaction is checked by IAM item by item, so its items are recorded. */
  private static final class RecordActions implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof TransactWriteItemsRequest transaction) {
        transaction.transactItems().forEach(item -> {
          if (item.put() != null) CALLED_ACTIONS.add("dynamodb:PutItem");
          if (item.update() != null) CALLED_ACTIONS.add("dynamodb:UpdateItem");
          if (item.delete() != null) CALLED_ACTIONS.add("dynamodb:DeleteItem");
          if (item.conditionCheck() != null) CALLED_ACTIONS.add("dynamodb:ConditionCheckItem");
        });
        return;
      }
      CALLED_ACTIONS.add("dynamodb:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }
}
