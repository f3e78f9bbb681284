package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A group change too large for one transaction (100 items), written so that a crash between its
 * writes leaves nothing half visible (docs/data-model.md, "Staged group changes"):
 *
 * <ol>
 *   <li>its membership operations are recorded as change items, 100 operations each, next to the
 *       memberships; nothing refers to them yet, so a crash here changes nothing anyone sees;
 *   <li>one transaction writes the group item (document, guards, version, member count) naming the
 *       change in {@code pendingChange}: a uniqueness or version conflict cancels it, and nothing
 *       has changed;
 *   <li>the membership puts and deletes are written in batches;
 *   <li>{@code pendingChange} is removed (conditional on naming this change), then the change items.
 * </ol>
 *
 * Whoever reads a group item naming a change completes it first ({@link #complete}, steps 3 and 4):
 * every operation is a plain put or delete, so doing them twice, or in two processes at once,
 * ends the same.
 */
final class StagedGroupChanges {

  /** DynamoDB's limit of actions in one TransactWriteItems. */
  static final int TRANSACTION_ITEMS = 100;
  /** Operations per change item: 100 members of at most 512-byte ids and 1 KB displays stay far under 400 KB. */
  static final int OPERATIONS_PER_ITEM = 100;
  static final String ENTITY = "GroupChange";

  private final TableAccess table;

  StagedGroupChanges(TableAccess table) {
    this.table = table;
  }

  /** Step 1: records the operations. */
  void record(String connectionId, String groupId, String changeId, List<Member> puts, List<String> deletes) {
    List<WriteRequest> items = new ArrayList<>();
    int part = 0;
    for (int from = 0; from < Math.max(1, puts.size()); from += OPERATIONS_PER_ITEM, part++) {
      ArrayNode json = ScimJson.MAPPER.createArrayNode();
      puts.subList(Math.min(from, puts.size()), Math.min(puts.size(), from + OPERATIONS_PER_ITEM))
          .forEach(m -> json.addObject().put("value", m.value()).put("type", m.type()).put("display", m.display()));
      items.add(BatchWrites.put(item(connectionId, groupId, changeId, part, "puts", json)));
    }
    for (int from = 0; from < deletes.size(); from += OPERATIONS_PER_ITEM, part++) {
      ArrayNode json = ScimJson.MAPPER.createArrayNode();
      deletes.subList(from, Math.min(deletes.size(), from + OPERATIONS_PER_ITEM)).forEach(json::add);
      items.add(BatchWrites.put(item(connectionId, groupId, changeId, part, "deletes", json)));
    }
    BatchWrites.run(table, items);
  }

  private static Map<String, AttributeValue> item(String connectionId, String groupId, String changeId, int part,
      String kind, ArrayNode operations) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(KeySchema.groupMembersPartition(connectionId, groupId)));
    item.put(SK, s(KeySchema.groupChangeSk(changeId, part)));
    item.put(KeySchema.ENTITY, s(ENTITY));
    item.put("connectionId", s(connectionId));
    item.put("groupId", s(groupId));
    item.put("changeId", s(changeId));
    item.put(kind, s(operations.toString()));
    return item;
  }

  /** Steps 3 and 4, from the recorded operations: idempotent, so any reader may run it. */
  void complete(String connectionId, String groupId, String changeId) {
    String partition = KeySchema.groupMembersPartition(connectionId, groupId);
    List<Map<String, AttributeValue>> parts =
        table.itemsWithPrefix(partition, KeySchema.groupChangePrefix(changeId), true).toList();
    List<WriteRequest> writes = new ArrayList<>();
    for (Map<String, AttributeValue> part : parts) {
      if (part.containsKey("puts")) {
        for (JsonNode member : parse(part.get("puts").s())) {
          writes.add(BatchWrites.put(DynamoGroupStore.memberItem(connectionId, groupId, new Member(
              member.get("value").asText(), text(member, "type"), text(member, "display")))));
        }
      }
      if (part.containsKey("deletes")) {
        for (JsonNode memberId : parse(part.get("deletes").s())) {
          writes.add(BatchWrites.delete(Map.of(PK, s(partition), SK, s(KeySchema.memberSk(memberId.asText())))));
        }
      }
    }
    BatchWrites.run(table, writes);
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(Map.of(PK, s(KeySchema.connectionPartition(connectionId)), SK, s(KeySchema.groupSk(groupId))))
          .updateExpression("REMOVE #pending")
          .conditionExpression("#pending = :change")
          .expressionAttributeNames(Map.of("#pending", DynamoGroupStore.PENDING_CHANGE))
          .expressionAttributeValues(Map.of(":change", s(changeId))));
    } catch (ConditionalCheckFailedException alreadyDone) {
      // Another reader completed it (or the group was deleted): the operations above changed nothing new.
    }
    BatchWrites.run(table, parts.stream().map(part -> BatchWrites.delete(Map.of(PK, part.get(PK), SK, part.get(SK))))
        .toList());
  }

  /** Deletes the recorded parts of a change whose transaction (step 2) was refused. */
  void discard(String connectionId, String groupId, String changeId) {
    BatchWrites.run(table, table.itemsWithPrefix(KeySchema.groupMembersPartition(connectionId, groupId),
            KeySchema.groupChangePrefix(changeId), true)
        .map(part -> BatchWrites.delete(Map.of(PK, part.get(PK), SK, part.get(SK)))).toList());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode parse(String json) {
    try {
      return ScimJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored group change is not JSON", e);
    }
  }
}
