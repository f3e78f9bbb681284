package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.reconciliation.ReconciliationProgressStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled reconciliation's position, one item ({@code RECONCILIATION / PROGRESS}). Plain puts:
 * two invocations at once write the same or neighbouring positions, and repeating a page is harmless.
 */
public final class DynamoReconciliationProgressStore implements ReconciliationProgressStore {

  public static final String ENTITY = "ReconciliationProgress";

  private final TableAccess table;

  public DynamoReconciliationProgressStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public Optional<Progress> find() {
    Map<String, AttributeValue> values = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key()).consistentRead(true)).item();
    if (values == null || !values.containsKey("workspaceId")) {
      return Optional.empty();
    }
    Item item = Item.of(new HashMap<>(values));
    return Optional.of(new Progress(item.string("workspaceId"), item.string("cursor"), item.instant("roundStartedAt")));
  }

  @Override
  public void save(Progress progress) {
    Map<String, AttributeValue> item = Item.of(new HashMap<>(key()))
        .put(KeySchema.ENTITY, ENTITY)
        .put("workspaceId", progress.workspaceId())
        .put("cursor", progress.cursor())
        .put("roundStartedAt", progress.roundStartedAt())
        .values();
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item));
  }

  @Override
  public void finish(Instant finishedAt) {
    Map<String, AttributeValue> item = Item.of(new HashMap<>(key()))
        .put(KeySchema.ENTITY, ENTITY)
        .put("lastFinishedAt", finishedAt)
        .values();
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item));
  }

  private static Map<String, AttributeValue> key() {
    return Map.of(PK, s(KeySchema.RECONCILIATION_PARTITION), SK, s(KeySchema.RECONCILIATION_PROGRESS_SK));
  }
}
