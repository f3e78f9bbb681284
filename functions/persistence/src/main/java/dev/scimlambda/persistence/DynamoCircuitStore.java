package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.n;
import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.events.delivery.CircuitState;
import dev.scimlambda.events.delivery.CircuitStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The circuit of a workspace webhook's endpoint: one item next to the webhook, present only while
 * failures are counted (a success deletes it). Times are epoch milliseconds, so conditions compare
 * them as numbers.
 */
public final class DynamoCircuitStore implements CircuitStore {

  public static final String ENTITY = "WebhookCircuit";
  /** A circuit of a webhook deleted while failing is not left behind for ever. */
  static final Duration RETENTION = Duration.ofDays(30);

  private final TableAccess table;
  private final Clock clock;

  public DynamoCircuitStore(TableAccess table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  @Override
  public CircuitState find(String workspaceId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(workspaceId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? CircuitState.CLOSED : fromItem(Item.of(item));
  }

  @Override
  public CircuitState recordFailure(String workspaceId) {
    Map<String, AttributeValue> item = table.dynamo().updateItem(b -> b.tableName(table.tableName())
            .key(key(workspaceId))
            .updateExpression("ADD #failures :one SET #entity = :entity, #ws = :ws, #expires = :expires")
            .expressionAttributeNames(Map.of("#failures", "consecutiveFailures", "#entity", KeySchema.ENTITY,
                "#ws", "workspaceId", "#expires", KeySchema.EXPIRES_AT))
            .expressionAttributeValues(Map.of(":one", n(1), ":entity", s(ENTITY), ":ws", s(workspaceId),
                ":expires", n(clock.instant().plus(RETENTION).getEpochSecond())))
            .returnValues(ReturnValue.ALL_NEW))
        .attributes();
    return fromItem(Item.of(item));
  }

  @Override
  public void open(String workspaceId, Instant until, int openings) {
    table.dynamo().updateItem(b -> b.tableName(table.tableName())
        .key(key(workspaceId))
        .updateExpression("SET #openUntil = :until, #openings = :openings REMOVE #probeUntil")
        .expressionAttributeNames(Map.of("#openUntil", "openUntil", "#openings", "openings", "#probeUntil", "probeUntil"))
        .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()), ":openings", n(openings))));
  }

  @Override
  public boolean claimProbe(String workspaceId, Instant now, Instant claimUntil) {
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(key(workspaceId))
          .updateExpression("SET #probeUntil = :claimUntil")
          .conditionExpression(
              "#openUntil <= :now AND (attribute_not_exists(#probeUntil) OR #probeUntil <= :now)")
          .expressionAttributeNames(Map.of("#openUntil", "openUntil", "#probeUntil", "probeUntil"))
          .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":claimUntil", n(claimUntil.toEpochMilli()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void close(String workspaceId) {
    table.dynamo().deleteItem(b -> b.tableName(table.tableName()).key(key(workspaceId)));
  }

  private static Map<String, AttributeValue> key(String workspaceId) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.WEBHOOK_CIRCUIT_SK));
  }

  private static CircuitState fromItem(Item item) {
    Long openUntil = item.optionalNumber("openUntil");
    Integer openings = item.integer("openings");
    Integer failures = item.integer("consecutiveFailures");
    return new CircuitState(failures == null ? 0 : failures,
        Optional.ofNullable(openUntil).map(Instant::ofEpochMilli), openings == null ? 0 : openings);
  }
}
