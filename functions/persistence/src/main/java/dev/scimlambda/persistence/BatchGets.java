package dev.scimlambda.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Strongly consistent BatchGetItem in calls of 100 keys (DynamoDB's limit, several in flight), resending unprocessed keys after a growing pause. */
final class BatchGets {

  static final int BATCH_SIZE = 100;
  private static final int MAX_ROUNDS = 12;

  private BatchGets() {}

  /** @param projection a projection expression, or null for whole items */
  static List<Map<String, AttributeValue>> run(TableAccess table, List<Map<String, AttributeValue>> keys,
      String projection, Map<String, String> names) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    ParallelChunks.run(keys, BATCH_SIZE, chunk -> readCall(table, chunk, projection, names)).forEach(items::addAll);
    return items;
  }

  private static List<Map<String, AttributeValue>> readCall(TableAccess table, List<Map<String, AttributeValue>> keys,
      String projection, Map<String, String> names) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    KeysAndAttributes.Builder batch = KeysAndAttributes.builder().keys(keys).consistentRead(true);
    if (projection != null) {
      batch.projectionExpression(projection).expressionAttributeNames(names);
    }
    Map<String, KeysAndAttributes> pending = Map.of(table.tableName(), batch.build());
    for (int round = 1; !pending.isEmpty(); round++) {
      Map<String, KeysAndAttributes> request = pending;
      BatchGetItemResponse response = table.dynamo().batchGetItem(b -> b.requestItems(request));
      items.addAll(response.responses().getOrDefault(table.tableName(), List.of()));
      pending = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? response.unprocessedKeys() : Map.of();
      if (!pending.isEmpty() && round == MAX_ROUNDS) {
        throw new IllegalStateException("DynamoDB kept returning unprocessed keys; retry the request");
      }
      if (!pending.isEmpty()) {
        pause(round);
      }
    }
    return items;
  }

  private static void pause(int round) {
    try {
      Thread.sleep(Math.min(1000L, 10L << round));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a batch", e);
    }
  }
}
