package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.mapping.CustomField;
import dev.scimlambda.mapping.CustomFieldStore;
import dev.scimlambda.mapping.FieldType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Custom fields in their workspace's partition, one item each, listed with one Query. */
public final class DynamoCustomFieldStore implements CustomFieldStore {

  public static final String ENTITY = "CustomField";

  private final TableAccess table;

  public DynamoCustomFieldStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public void create(CustomField field) {
    Map<String, AttributeValue> item = Item.of(new HashMap<>(key(field.workspaceId(), field.key())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("workspaceId", field.workspaceId())
        .put("key", field.key())
        .put("label", field.label())
        .put("type", field.type().wireName())
        .put("createdAt", field.createdAt())
        .values();
    TableAccess.conditionalWrite(
        () -> AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName()).item(item)
              .conditionExpression("attribute_not_exists(#pk)")
              .expressionAttributeNames(Map.of("#pk", PK))).build(), null, field.key()),
        "a custom field '" + field.key() + "' already exists");
  }

  @Override
  public List<CustomField> list(String workspaceId) {
    return table.itemsWithPrefix(KeySchema.workspacePartition(workspaceId), KeySchema.FIELD_PREFIX, true)
        .map(values -> {
          Item item = Item.of(values);
          return new CustomField(item.string("workspaceId"), item.string("key"), item.string("label"),
              FieldType.fromWireName(item.string("type")).orElseThrow(), item.instant("createdAt"));
        })
        .toList();
  }

  @Override
  public boolean delete(String workspaceId, String key) {
    try {
      AuditedWrites.write(table, TransactWriteItem.builder().delete(b -> b.tableName(table.tableName())
          .key(key(workspaceId, key))
          .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))).build());
      return true;
    } catch (ConditionalCheckFailedException none) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String workspaceId, String fieldKey) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.fieldSk(fieldKey)));
  }
}
