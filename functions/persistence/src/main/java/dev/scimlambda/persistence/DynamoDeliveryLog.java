package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.n;
import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.events.delivery.Delivery;
import dev.scimlambda.events.delivery.DeliveryAttempt;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.DeliveryStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The webhook delivery log: one item per delivery in the workspace partition, under a sort key
 * ordered by the event's time, holding its attempts and the event itself (for redelivery). Items
 * expire {@link #RETENTION} after their last save. Pages leave the event body out: it can be
 * ~270 KB, and a page only shows attempts.
 */
public final class DynamoDeliveryLog implements DeliveryLog {

  public static final String ENTITY = "WebhookDelivery";
  public static final Duration RETENTION = Duration.ofDays(30);
  /** Queries per call when a filter hides most deliveries; the page then ends early with a cursor. */
  private static final int MAX_QUERIES_PER_PAGE = 10;
  private static final int FILTERED_QUERY_LIMIT = 100;
  /** Every attribute but the body. */
  private static final String SUMMARY = "#pk, #sk, workspaceId, id, eventId, eventType, occurredAt, createdAt, "
      + "#status, attemptsInSeries, attempts, nextAttemptAt, outcome";

  private final TableAccess table;
  private final Clock clock;

  public DynamoDeliveryLog(TableAccess table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  @Override
  public void save(Delivery d) {
    Item item = Item.of(new HashMap<>(key(d.workspaceId(), d.id())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("workspaceId", d.workspaceId())
        .put("id", d.id())
        .put("eventId", d.eventId())
        .put("eventType", d.eventType())
        .put("occurredAt", d.occurredAt())
        .put("createdAt", d.createdAt())
        .put("status", d.status().name())
        .put("attemptsInSeries", d.attemptsInSeries())
        .put("nextAttemptAt", d.nextAttemptAt().orElse(null))
        .put("outcome", d.outcome().isEmpty() ? null : d.outcome())
        .put("body", d.body())
        .put(KeySchema.EXPIRES_AT, clock.instant().plus(RETENTION).getEpochSecond());
    Map<String, AttributeValue> values = item.values();
    values.put("attempts", AttributeValue.fromL(d.attempts().stream().map(DynamoDeliveryLog::attemptValue).toList()));
    // An admin's redelivery is audited in the transaction that queues the delivery again.
    AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName()).item(values)).build());
  }

  @Override
  public Optional<Delivery> find(String workspaceId, String deliveryId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(workspaceId, deliveryId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
  }

  @Override
  public Page page(String workspaceId, DeliveryStatus status, int limit, String cursor) {
    String pk = KeySchema.workspacePartition(workspaceId);
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK, "#status", "status"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":pk", s(pk), ":prefix", s(KeySchema.DELIVERY_PREFIX)));
    String filter = null;
    if (status != null) {
      values.put(":wanted", s(status.name()));
      filter = "#status = :wanted";
    }
    return collect(pk, "#pk = :pk AND begins_with(#sk, :prefix)", filter, names, values, false, limit, cursor);
  }

  @Override
  public Page failedSince(String workspaceId, Instant since, int limit, String cursor) {
    String pk = KeySchema.workspacePartition(workspaceId);
    Map<String, String> names = Map.of("#pk", PK, "#sk", SK, "#status", "status");
    Map<String, AttributeValue> values = Map.of(
        ":pk", s(pk),
        ":from", s(KeySchema.deliverySk(Delivery.idFrom(since))),
        // '~' sorts after every character a delivery id holds.
        ":to", s(KeySchema.DELIVERY_PREFIX + "~"),
        ":failed", s(DeliveryStatus.FAILED.name()));
    return collect(pk, "#pk = :pk AND #sk BETWEEN :from AND :to", "#status = :failed", names, values, true, limit, cursor);
  }

  private Page collect(String pk, String keyCondition, String filter, Map<String, String> names,
      Map<String, AttributeValue> values, boolean oldestFirst, int limit, String cursor) {
    List<Delivery> deliveries = new ArrayList<>();
    Map<String, AttributeValue> start = cursor == null ? null : Map.of(PK, s(pk), SK, s(KeySchema.deliverySk(cursor)));
    for (int query = 0; query < MAX_QUERIES_PER_PAGE; query++) {
      Map<String, AttributeValue> exclusiveStart = start;
      int wanted = limit - deliveries.size();
      QueryResponse response = table.dynamo().query(b -> b.tableName(table.tableName())
          .keyConditionExpression(keyCondition)
          .filterExpression(filter)
          .projectionExpression(SUMMARY)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .scanIndexForward(oldestFirst)
          .limit(filter == null ? wanted : Math.max(wanted, FILTERED_QUERY_LIMIT))
          .exclusiveStartKey(exclusiveStart));
      for (Map<String, AttributeValue> item : response.items()) {
        deliveries.add(fromItem(Item.of(item)));
        if (deliveries.size() == limit) {
          boolean more = item != response.items().get(response.items().size() - 1)
              || (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
          return new Page(deliveries, more ? idOf(item) : null);
        }
      }
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new Page(deliveries, null);
      }
      start = response.lastEvaluatedKey();
    }
    // Out of queries for this call: continue where the last one stopped.
    return new Page(deliveries, start.get(SK).s().substring(KeySchema.DELIVERY_PREFIX.length()));
  }

  private static String idOf(Map<String, AttributeValue> item) {
    return item.get(SK).s().substring(KeySchema.DELIVERY_PREFIX.length());
  }

  private static Map<String, AttributeValue> key(String workspaceId, String deliveryId) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.deliverySk(deliveryId)));
  }

  private static AttributeValue attemptValue(DeliveryAttempt a) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("at", s(a.at().toString()));
    a.statusCode().ifPresent(code -> m.put("statusCode", n(code)));
    m.put("latencyMs", n(a.latencyMillis()));
    if (!a.error().isEmpty()) {
      m.put("error", s(a.error()));
    }
    return AttributeValue.fromM(m);
  }

  private static DeliveryAttempt attemptFrom(AttributeValue value) {
    Item a = Item.of(value.m());
    Integer code = a.integer("statusCode");
    return new DeliveryAttempt(a.instant("at"), code == null ? OptionalInt.empty() : OptionalInt.of(code),
        a.number("latencyMs"), Optional.ofNullable(a.string("error")).orElse(""));
  }

  private static Delivery fromItem(Item item) {
    AttributeValue attempts = item.values().get("attempts");
    return new Delivery(
        item.string("workspaceId"),
        item.string("id"),
        item.string("eventId"),
        item.string("eventType"),
        item.instant("occurredAt"),
        item.instant("createdAt"),
        DeliveryStatus.valueOf(item.string("status").toUpperCase(Locale.ROOT)),
        item.integer("attemptsInSeries"),
        attempts == null ? List.of() : attempts.l().stream().map(DynamoDeliveryLog::attemptFrom).toList(),
        Optional.ofNullable(item.instant("nextAttemptAt")),
        Optional.ofNullable(item.string("outcome")).orElse(""),
        Optional.ofNullable(item.string("body")).orElse(""));
  }
}
