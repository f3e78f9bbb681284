package dev.scimlambda.persistence;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Unconditional puts and deletes in BatchWriteItem calls of 25 (DynamoDB's limit, several in flight), resending what
 * DynamoDB returns unprocessed (throttling) after a growing pause.
 */
final class BatchWrites {

  static final int BATCH_SIZE = 25;
  private static final int MAX_ROUNDS = 12;

  private BatchWrites() {}

  static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(p -> p.item(item)).build();
  }

  static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
  }

  /**
   * The requests must not name one key twice (DynamoDB refuses such a call, and calls run in
   * parallel, so their order is not kept).
   */
  static void run(TableAccess table, List<WriteRequest> requests) {
    ParallelChunks.run(requests, BATCH_SIZE, chunk -> {
      writeCall(table, List.copyOf(chunk));
      return null;
    });
  }

  private static void writeCall(TableAccess table, List<WriteRequest> requests) {
    Map<String, List<WriteRequest>> pending = Map.of(table.tableName(), requests);
    for (int round = 1; !pending.isEmpty(); round++) {
      BatchWriteItemResponse response =
          table.dynamo().batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      pending = pending.values().stream().allMatch(List::isEmpty) ? Map.of() : pending;
      if (!pending.isEmpty()) {
        if (round == MAX_ROUNDS) {
          throw new IllegalStateException("DynamoDB kept returning unprocessed items; retry the request");
        }
        pause(round);
      }
    }
  }

  private static void pause(int round) {
    try {
      Thread.sleep(Math.min(1000L, 10L << round));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a batch", e);
    }
  }
}
