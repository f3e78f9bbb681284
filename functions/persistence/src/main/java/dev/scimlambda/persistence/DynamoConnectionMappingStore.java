package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.mapping.ConnectionMapping;
import dev.scimlambda.mapping.ConnectionMappingStore;
import dev.scimlambda.mapping.TargetGroups;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A connection's mapping as one item next to the connection item ({@code MAPPING} in its partition).
 * A save writes it and restarts the connection-wide refresh job in one transaction: a saved mapping
 * is always being re-applied, and the job is visible the moment the save returns.
 */
public final class DynamoConnectionMappingStore implements ConnectionMappingStore {

  public static final String ENTITY = "ConnectionMapping";

  private final TableAccess table;
  private final Transactions tx;

  public DynamoConnectionMappingStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
  }

  @Override
  public Optional<ConnectionMapping> find(String connectionId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(connectionId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public void save(ConnectionMapping desired, long expectedVersion) {
    Map<String, AttributeValue> attributes = new HashMap<>();
    // A list, not a string set: the order of fallback paths matters.
    desired.overrides().forEach((field, paths) ->
        attributes.put(field, AttributeValue.fromL(paths.stream().map(AttributeValue::fromS).toList())));
    TargetGroups groups = desired.targetGroups();
    Map<String, AttributeValue> item = Item.of(new HashMap<>(key(desired.connectionId())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("connectionId", desired.connectionId())
        .put("workspaceId", desired.workspaceId())
        .put("defaultTargetGroup", groups.defaultGroup())
        .put("groupBy", groups.groupBy())
        .put("tagPrefix", groups.tagPrefix())
        .put("version", desired.version())
        .put("updatedAt", desired.updatedAt())
        .values();
    item.put("attributes", AttributeValue.fromM(attributes));
    Transactions.Write write = expectedVersion == 0 ? tx.putIfAbsent(item, null) : tx.putIfVersion(item, expectedVersion);
    try {
      tx.run(List.of(write, tx.update(DynamoTagRefreshJobStore.startSpec(
          desired.workspaceId(), desired.connectionId(), null, 0, desired.updatedAt()), null)));
    } catch (VersionMismatch e) {
      throw new ConflictException("the mapping of connection " + desired.connectionId()
          + " was changed concurrently; read it again and retry");
    }
  }

  private static Map<String, AttributeValue> key(String connectionId) {
    return Map.of(PK, s(KeySchema.connectionPartition(connectionId)), SK, s(KeySchema.MAPPING_SK));
  }

  private static ConnectionMapping fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(values);
    TreeMap<String, List<String>> overrides = new TreeMap<>();
    AttributeValue attributes = values.get("attributes");
    if (attributes != null) {
      attributes.m().forEach((field, paths) -> overrides.put(field, paths.l().stream().map(AttributeValue::s).toList()));
    }
    return new ConnectionMapping(item.string("connectionId"), item.string("workspaceId"), overrides,
        new TargetGroups(item.string("defaultTargetGroup"), item.string("groupBy"), item.string("tagPrefix")),
        item.number("version"), item.instant("updatedAt"));
  }
}
