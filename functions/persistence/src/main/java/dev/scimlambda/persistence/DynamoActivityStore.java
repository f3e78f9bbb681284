package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.n;
import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.activity.AttributeChange;
import dev.scimlambda.activity.ResourceRevision;
import dev.scimlambda.activity.RevisionKey;
import dev.scimlambda.scim.ScimJson;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The activity log: one item per SCIM request in the connection's activity partition, sorted by
 * time, and one item per derived revision in its revision partition, keyed by resource and
 * version so a page of entries finds its revisions with one BatchGetItem. Both expire after the
 * configured retention; entries past it are hidden even before TTL deletes them (that can lag).
 */
public final class DynamoActivityStore implements ActivityStore {

  public static final String ENTITY = "Activity";
  public static final String REVISION_ENTITY = "ActivityRevision";

  /** Fixed width, so the sort key's string order is time order. */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** Queries per page when a filter hides most entries; the page then ends early with a cursor. */
  private static final int MAX_QUERIES_PER_PAGE = 10;
  private static final int FILTERED_QUERY_LIMIT = 200;

  private final TableAccess table;
  private final Clock clock;
  private final Duration retention;

  public DynamoActivityStore(TableAccess table, Clock clock, Duration retention) {
    this.table = table;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public void record(ActivityEntry e) {
    Item item = Item.of(new HashMap<>(Map.of(
            PK, s(KeySchema.activityPartition(e.connectionId())),
            SK, s(KeySchema.activitySk(SORTABLE.format(e.at()), e.requestId())))))
        .put(KeySchema.ENTITY, ENTITY)
        .put("connectionId", e.connectionId())
        .put("requestId", e.requestId())
        .put("at", e.at())
        .put("method", e.method())
        .put("operation", e.operation())
        .put("resourceType", e.resourceType())
        .put("resourceId", e.resourceId())
        .put("status", e.status())
        .put("scimType", e.scimType())
        .put("detail", e.detail())
        .put("latencyMs", e.latencyMs())
        .put("userAgent", e.userAgent())
        .put("resourceVersion", e.resourceVersion())
        .put(KeySchema.EXPIRES_AT, e.at().plus(retention).getEpochSecond());
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item.values()));
  }

  @Override
  public Page page(String connectionId, int limit, String after, ActivityEntry.Outcome outcome) {
    String pk = KeySchema.activityPartition(connectionId);
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#expires", KeySchema.EXPIRES_AT));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":pk", s(pk), ":now", n(clock.instant().getEpochSecond())));
    String filter = "#expires > :now";
    if (outcome != null) {
      names.put("#status", "status");
      values.put(":failed", n(400));
      filter += outcome == ActivityEntry.Outcome.FAILURE ? " AND #status >= :failed" : " AND #status < :failed";
    }
    String filterExpression = filter;
    List<ActivityEntry> entries = new ArrayList<>();
    Map<String, AttributeValue> start = after == null ? null : Map.of(PK, s(pk), SK, s(after));
    for (int query = 0; query < MAX_QUERIES_PER_PAGE; query++) {
      Map<String, AttributeValue> exclusiveStart = start;
      int wanted = limit - entries.size();
      QueryResponse response = table.dynamo().query(b -> b.tableName(table.tableName())
          .keyConditionExpression("#pk = :pk")
          .filterExpression(filterExpression)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .scanIndexForward(false)
          .limit(outcome == null ? wanted : Math.max(wanted, FILTERED_QUERY_LIMIT))
          .exclusiveStartKey(exclusiveStart));
      for (Map<String, AttributeValue> item : response.items()) {
        entries.add(entryFromItem(Item.of(item)));
        if (entries.size() == limit) {
          // Stopped inside the page read: continue right after the last entry returned.
          boolean more = item != response.items().get(response.items().size() - 1)
              || (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
          return new Page(entries, more ? item.get(SK).s() : null);
        }
      }
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new Page(entries, null);
      }
      start = response.lastEvaluatedKey();
    }
    return new Page(entries, start.get(SK).s());
  }

  @Override
  public void saveRevision(ResourceRevision r) {
    ArrayNode changes = ScimJson.MAPPER.createArrayNode();
    for (AttributeChange change : r.changes()) {
      ObjectNode node = changes.addObject().put("path", change.path()).put("op", change.op());
      if (change.from() != null) {
        node.set("from", change.from());
      }
      if (change.to() != null) {
        node.set("to", change.to());
      }
    }
    Item item = Item.of(new HashMap<>(revisionKey(r.connectionId(), r.key())))
        .put(KeySchema.ENTITY, REVISION_ENTITY)
        .put("connectionId", r.connectionId())
        .put("resourceType", r.resourceType())
        .put("resourceId", r.resourceId())
        .put("version", r.version())
        .put("modifiedAt", r.modifiedAt())
        .put("changes", changes.toString())
        .put("truncated", r.truncated())
        .put(KeySchema.EXPIRES_AT, r.modifiedAt().plus(retention).getEpochSecond());
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item.values()));
  }

  @Override
  public Map<RevisionKey, ResourceRevision> revisions(String connectionId, Collection<RevisionKey> keys) {
    Map<RevisionKey, ResourceRevision> found = new HashMap<>();
    List<Map<String, AttributeValue>> itemKeys = keys.stream().distinct().map(k -> revisionKey(connectionId, k)).toList();
    for (Map<String, AttributeValue> item : BatchGets.run(table, itemKeys, null, Map.of())) {
      ResourceRevision revision = revisionFromItem(Item.of(item));
      found.put(revision.key(), revision);
    }
    return found;
  }

  private static Map<String, AttributeValue> revisionKey(String connectionId, RevisionKey key) {
    return Map.of(
        PK, s(KeySchema.revisionPartition(connectionId)),
        SK, s(KeySchema.revisionSk(key.resourceType(), key.resourceId(), key.version())));
  }

  private static ActivityEntry entryFromItem(Item item) {
    return new ActivityEntry(
        item.string("connectionId"),
        item.string("requestId"),
        item.instant("at"),
        item.string("method"),
        item.string("operation"),
        item.string("resourceType"),
        item.string("resourceId"),
        item.integer("status"),
        item.string("scimType"),
        item.string("detail"),
        item.number("latencyMs"),
        item.string("userAgent"),
        item.optionalNumber("resourceVersion"),
        null);
  }

  private static ResourceRevision revisionFromItem(Item item) {
    List<AttributeChange> changes = new ArrayList<>();
    for (JsonNode change : parse(item.string("changes"))) {
      changes.add(new AttributeChange(change.get("path").asText(), change.get("op").asText(), change.get("from"),
          change.get("to")));
    }
    return new ResourceRevision(item.string("connectionId"), item.string("resourceType"), item.string("resourceId"),
        item.number("version"), item.instant("modifiedAt"), changes, item.bool("truncated"));
  }

  private static JsonNode parse(String json) {
    try {
      return ScimJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable", e);
    }
  }
}
