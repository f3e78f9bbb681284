package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.GSI1;
import static dev.scimlambda.persistence.KeySchema.GSI1_PK;
import static dev.scimlambda.persistence.KeySchema.GSI1_SK;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.tags.TagRefreshJob;
import dev.scimlambda.tags.TagRefreshJobStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One job item per group, next to its membership items ({@code TAG_REFRESH} in the group's member
 * partition), and one per connection re-applying its mapping ({@code TAG_REFRESH} in the connection's
 * partition), indexed on gsi1 by workspace. Every write to it is a stream record that runs the next
 * chunk; writes of a superseded generation are refused by their condition.
 */
public final class DynamoTagRefreshJobStore implements TagRefreshJobStore {

  public static final String ENTITY = "TagRefreshJob";

  private final TableAccess table;

  public DynamoTagRefreshJobStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public void start(String workspaceId, String connectionId, String groupId, int depth, Instant now) {
    Transactions.UpdateSpec start = startSpec(workspaceId, connectionId, groupId, depth, now);
    table.dynamo().updateItem(b -> b.tableName(table.tableName())
        .key(start.key())
        .updateExpression(start.expression())
        .expressionAttributeNames(start.names())
        .expressionAttributeValues(start.values()));
  }

  /**
   * Starting (or restarting) a job as an update, so a mapping's save can start its re-application
   * in the same transaction. A connection-wide job has no {@code groupId} attribute.
   */
  static Transactions.UpdateSpec startSpec(String workspaceId, String connectionId, String groupId, int depth,
      Instant now) {
    Map<String, String> names = names(Map.of(
        "#entity", KeySchema.ENTITY, "#ws", "workspaceId", "#conn", "connectionId", "#group", "groupId",
        "#depth", "depth", "#startedAt", "startedAt", "#gpk", GSI1_PK, "#gsk", GSI1_SK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":entity", s(ENTITY), ":ws", s(workspaceId), ":conn", s(connectionId),
        ":zero", Item.n(0), ":depth", Item.n(depth), ":now", s(now.toString()), ":one", Item.n(1),
        ":gpk", s(KeySchema.workspaceTagRefreshes(workspaceId)),
        ":gsk", s(KeySchema.tagRefreshListKey(connectionId, groupId))));
    String group = "";
    if (groupId != null) {
      values.put(":group", s(groupId));
      group = " #group = :group,";
    }
    String expression = "SET #entity = :entity, #ws = :ws, #conn = :conn," + group
        + " #processed = :zero, #depth = :depth, #startedAt = :now, #gpk = :gpk, #gsk = :gsk"
        + " ADD #generation :one REMOVE #cursor" + (groupId == null ? ", #group" : "");
    return new Transactions.UpdateSpec(key(connectionId, groupId), expression, null, names, values);
  }

  @Override
  public boolean advance(TagRefreshJob job, String cursor, long processed) {
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(key(job.connectionId(), job.groupId()))
          .updateExpression("SET #cursor = :cursor, #processed = :processed")
          .conditionExpression("#generation = :generation")
          .expressionAttributeNames(names(Map.of()))
          .expressionAttributeValues(Map.of(
              ":cursor", s(cursor), ":processed", Item.n(processed), ":generation", Item.n(job.generation()))));
      return true;
    } catch (ConditionalCheckFailedException superseded) {
      return false;
    }
  }

  @Override
  public void finish(TagRefreshJob job) {
    try {
      table.dynamo().deleteItem(b -> b.tableName(table.tableName())
          .key(key(job.connectionId(), job.groupId()))
          .conditionExpression("#generation = :generation")
          .expressionAttributeNames(Map.of("#generation", "generation"))
          .expressionAttributeValues(Map.of(":generation", Item.n(job.generation()))));
    } catch (ConditionalCheckFailedException superseded) {
      // A restart owns the item now.
    }
  }

  @Override
  public Optional<TagRefreshJob> find(String connectionId, String groupId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(connectionId, groupId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<TagRefreshJob> running(String workspaceId) {
    return table.dynamo().queryPaginator(b -> b.tableName(table.tableName())
            .indexName(GSI1)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", GSI1_PK))
            .expressionAttributeValues(Map.of(":pk", s(KeySchema.workspaceTagRefreshes(workspaceId)))))
        .items()
        .stream()
        .map(DynamoTagRefreshJobStore::fromItem)
        .toList();
  }

  /** Progress attributes; always through placeholders, as DynamoDB reserves words like "processed". */
  private static Map<String, String> names(Map<String, String> more) {
    Map<String, String> names = new HashMap<>(more);
    names.put("#cursor", "cursor");
    names.put("#processed", "processed");
    names.put("#generation", "generation");
    return names;
  }

  private static Map<String, AttributeValue> key(String connectionId, String groupId) {
    return Map.of(PK, s(KeySchema.tagRefreshPartition(connectionId, groupId)), SK, s(KeySchema.TAG_REFRESH_SK));
  }

  /** Also how {@link ItemChanges} decodes stream images: one reading of the item for both. */
  static TagRefreshJob fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(new HashMap<>(values));
    return new TagRefreshJob(
        item.string("workspaceId"),
        item.string("connectionId"),
        item.string("groupId"),
        item.number("generation"),
        item.string("cursor"),
        item.number("processed"),
        item.integer("depth"),
        item.instant("startedAt"));
  }
}
