package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.events.Webhook;
import dev.scimlambda.events.WebhookStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A workspace's webhook: one item next to the workspace item. Never its signing secret. */
public final class DynamoWebhookStore implements WebhookStore {

  static final String ENTITY = "Webhook";

  private final TableAccess table;

  public DynamoWebhookStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public void create(Webhook webhook) {
    TableAccess.conditionalWrite(
        () -> AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName())
            .item(toItem(webhook))
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", PK))).build()),
        "the webhook of workspace " + webhook.workspaceId() + " was set concurrently");
  }

  @Override
  public void replace(Webhook webhook) {
    TableAccess.conditionalWrite(
        () -> AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName())
            .item(toItem(webhook))
            .conditionExpression("#id = :id AND #secretVersion = :secretVersion")
            .expressionAttributeNames(Map.of("#id", "id", "#secretVersion", "secretVersion"))
            .expressionAttributeValues(Map.of(":id", s(webhook.id()), ":secretVersion", s(webhook.secretVersion()))))
            .build()),
        "the webhook of workspace " + webhook.workspaceId() + " was changed concurrently");
  }

  @Override
  public void rotateSecret(Webhook rotated, String replacedVersion) {
    TableAccess.conditionalWrite(
        () -> AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName())
            .item(toItem(rotated))
            .conditionExpression("#id = :id AND #secretVersion = :replaced")
            .expressionAttributeNames(Map.of("#id", "id", "#secretVersion", "secretVersion"))
            .expressionAttributeValues(Map.of(":id", s(rotated.id()), ":replaced", s(replacedVersion))))
            .build()),
        "the webhook of workspace " + rotated.workspaceId() + " was changed concurrently");
  }

  @Override
  public Optional<Webhook> find(String workspaceId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(workspaceId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
  }

  @Override
  public boolean delete(String workspaceId) {
    try {
      AuditedWrites.write(table, TransactWriteItem.builder().delete(b -> b.tableName(table.tableName()).key(key(workspaceId))
          .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))).build());
      return true;
    } catch (ConditionalCheckFailedException none) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String workspaceId) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.WEBHOOK_SK));
  }

  private static Map<String, AttributeValue> toItem(Webhook w) {
    return Item.of(new HashMap<>(key(w.workspaceId())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("workspaceId", w.workspaceId())
        .put("id", w.id())
        .put("url", w.url())
        .put("enabled", w.enabled())
        .put("secretVersion", w.secretVersion())
        .put("previousSecretVersion", w.previousSecretVersion())
        .put("previousSecretExpiresAt", w.previousSecretExpiresAt())
        .put("createdAt", w.createdAt())
        .put("updatedAt", w.updatedAt())
        .values();
  }

  private static Webhook fromItem(Item item) {
    return new Webhook(
        item.string("workspaceId"),
        item.string("id"),
        item.string("url"),
        item.bool("enabled"),
        item.string("secretVersion"),
        item.string("previousSecretVersion"),
        item.instant("previousSecretExpiresAt"),
        item.instant("createdAt"),
        item.instant("updatedAt"));
  }
}
