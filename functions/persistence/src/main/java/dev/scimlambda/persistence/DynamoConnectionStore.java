package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.GSI1;
import static dev.scimlambda.persistence.KeySchema.GSI1_PK;
import static dev.scimlambda.persistence.KeySchema.GSI1_SK;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.IdpType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Connections: one item in the connection's own partition, so a SCIM request finds it by id with a
 * strongly consistent read; listed per workspace through GSI1.
 */
public final class DynamoConnectionStore implements ConnectionStore {

  public static final String ENTITY = "Connection";

  private final TableAccess table;

  public DynamoConnectionStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public void create(Connection connection) {
    TableAccess.conditionalWrite(
        () -> AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName())
              .item(toItem(connection))
              .conditionExpression("attribute_not_exists(#pk)")
              .expressionAttributeNames(Map.of("#pk", PK))).build(), null, connection.id()),
        "connection " + connection.id() + " already exists");
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(key(connectionId)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
  }

  @Override
  public List<Connection> listByWorkspace(String workspaceId) {
    return table.dynamo()
        .queryPaginator(b -> b.tableName(table.tableName())
            .indexName(GSI1)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", GSI1_PK))
            .expressionAttributeValues(Map.of(":pk", s(KeySchema.workspaceConnections(workspaceId)))))
        .items()
        .stream()
        .map(item -> fromItem(Item.of(item)))
        .toList();
  }

  @Override
  public void rotateSecret(String connectionId, String expectedVersion, String newVersion, Instant previousValidUntil) {
    TableAccess.conditionalWrite(
        () -> AuditedWrites.write(table, TransactWriteItem.builder().update(b -> b.tableName(table.tableName())
              .key(key(connectionId))
              .updateExpression("SET secretVersion = :new, previousSecretVersion = :old, previousSecretValidUntil = :until")
              .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(deletedAt) AND secretVersion = :old")
              .expressionAttributeNames(Map.of("#pk", PK))
              .expressionAttributeValues(Map.of(
                  ":new", s(newVersion), ":old", s(expectedVersion), ":until", s(previousValidUntil.toString()))))
              .build()),
        "connection " + connectionId + " was deleted or rotated concurrently");
  }

  @Override
  public boolean markDeleted(String connectionId, Instant deletedAt) {
    try {
      AuditedWrites.write(table, TransactWriteItem.builder().update(b -> b.tableName(table.tableName())
          .key(key(connectionId))
          .updateExpression("SET deletedAt = :at REMOVE previousSecretVersion, previousSecretValidUntil")
          .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(deletedAt)")
          .expressionAttributeNames(Map.of("#pk", PK))
          .expressionAttributeValues(Map.of(":at", s(deletedAt.toString())))).build());
      return true;
    } catch (ConditionalCheckFailedException alreadyDeleted) {
      return false;
    }
  }

  @Override
  public void touch(String connectionId, Instant seenAt) {
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(key(connectionId))
          .updateExpression("SET lastRequestAt = :at")
          // Never move the timestamp backwards when parallel requests race.
          .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(lastRequestAt) OR lastRequestAt < :at)")
          .expressionAttributeNames(Map.of("#pk", PK))
          .expressionAttributeValues(Map.of(":at", s(seenAt.toString()))));
    } catch (ConditionalCheckFailedException newerAlreadyRecorded) {
      // Another request recorded a later time; nothing to do.
    }
  }

  private static Map<String, AttributeValue> key(String connectionId) {
    return Map.of(PK, s(KeySchema.connectionPartition(connectionId)), SK, s(KeySchema.CONNECTION_SK));
  }

  private static Map<String, AttributeValue> toItem(Connection c) {
    return Item.of(new HashMap<>(key(c.id())))
        .put(GSI1_PK, KeySchema.workspaceConnections(c.workspaceId()))
        .put(GSI1_SK, c.createdAt().toString() + "#" + c.id())
        .put(KeySchema.ENTITY, ENTITY)
        .put("id", c.id())
        .put("workspaceId", c.workspaceId())
        .put("name", c.name())
        .put("idpType", c.type().wireName())
        .put("secretVersion", c.secretVersion())
        .put("previousSecretVersion", c.previousSecretVersion())
        .put("previousSecretValidUntil", c.previousSecretValidUntil())
        .put("createdAt", c.createdAt())
        .put("lastRequestAt", c.lastRequestAt())
        .put("deletedAt", c.deletedAt())
        .values();
  }

  /** Also how {@link ItemChanges} decodes stream images: one reading of the item for both. */
  static Connection fromItem(Map<String, AttributeValue> values) {
    return fromItem(Item.of(values));
  }

  private static Connection fromItem(Item item) {
    return new Connection(
        item.string("id"),
        item.string("workspaceId"),
        item.string("name"),
        IdpType.fromWireName(item.string("idpType")).orElseThrow(),
        item.string("secretVersion"),
        item.string("previousSecretVersion"),
        item.instant("previousSecretValidUntil"),
        item.instant("createdAt"),
        item.instant("lastRequestAt"),
        item.instant("deletedAt"));
  }
}
