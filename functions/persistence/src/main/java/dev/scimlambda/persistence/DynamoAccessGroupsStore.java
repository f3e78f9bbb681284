package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.access.AccessGroups;
import dev.scimlambda.access.AccessGroupsStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A connection's access groups: one item next to the connection item, replaced whole by each save.
 * Its stream record is what re-evaluates the connection's users.
 */
public final class DynamoAccessGroupsStore implements AccessGroupsStore {

  public static final String ENTITY = "AccessGroups";

  private final TableAccess table;

  public DynamoAccessGroupsStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public AccessGroups find(String connectionId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(connectionId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? AccessGroups.none(connectionId) : fromItem(item);
  }

  @Override
  public void save(AccessGroups accessGroups) {
    Map<String, AttributeValue> item = Item.of(new HashMap<>(key(accessGroups.connectionId())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("connectionId", accessGroups.connectionId())
        .put("updatedAt", accessGroups.updatedAt())
        .values();
    item.put("groups", AttributeValue.fromL(accessGroups.groups().stream().map(Item::s).toList()));
    AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName()).item(item)).build());
  }

  private static Map<String, AttributeValue> key(String connectionId) {
    return Map.of(PK, s(KeySchema.connectionPartition(connectionId)), SK, s(KeySchema.ACCESS_GROUPS_SK));
  }

  /** Also how {@link ItemChanges} decodes stream images: one reading of the item for both. */
  static AccessGroups fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(new HashMap<>(values));
    AttributeValue groups = values.get("groups");
    List<String> names = groups == null ? List.of() : groups.l().stream().map(AttributeValue::s).toList();
    return new AccessGroups(item.string("connectionId"), names, item.instant("updatedAt"));
  }
}
