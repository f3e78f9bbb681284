package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.deprovisioning.WorkspacePurgeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Empties a workspace's partitions in an order that never loses the way to an item: a group's
 * member partition before the group item, a tag's member partition before its count item, every
 * partition of a connection before the connection item, and the workspace item last. Each call
 * queries from the start of what is left, so no cursor needs keeping.
 */
public final class DynamoWorkspacePurgeStore implements WorkspacePurgeStore {

  private final TableAccess table;

  public DynamoWorkspacePurgeStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public PurgePage purgePage(String workspaceId, List<String> connectionIds, int limit) {
    Budget budget = new Budget(limit);
    for (String connectionId : connectionIds) {
      String partition = KeySchema.connectionPartition(connectionId);
      for (List<Map<String, AttributeValue>> groups = leaders(partition, KeySchema.GROUP_PREFIX, budget);
          !groups.isEmpty(); groups = leaders(partition, KeySchema.GROUP_PREFIX, budget)) {
        for (Map<String, AttributeValue> group : groups) {
          String groupId = group.get(SK).s().substring(KeySchema.GROUP_PREFIX.length());
          if (!empty(KeySchema.groupMembersPartition(connectionId, groupId), null, budget) || budget.left() == 0) {
            return budget.page(false);
          }
          delete(List.of(key(group)), budget);
        }
      }
      if (budget.left() == 0) {
        return budget.page(false);
      }
      for (String owned : List.of(KeySchema.activityPartition(connectionId), KeySchema.revisionPartition(connectionId))) {
        if (!empty(owned, null, budget)) {
          return budget.page(false);
        }
      }
      if (!empty(partition, KeySchema.CONNECTION_SK, budget)) {
        return budget.page(false);
      }
    }
    String workspace = KeySchema.workspacePartition(workspaceId);
    for (List<Map<String, AttributeValue>> tags = leaders(workspace, KeySchema.TAG_PREFIX, budget);
        !tags.isEmpty(); tags = leaders(workspace, KeySchema.TAG_PREFIX, budget)) {
      for (Map<String, AttributeValue> tag : tags) {
        String name = tag.get(SK).s().substring(KeySchema.TAG_PREFIX.length());
        if (!empty(KeySchema.tagMembersPartition(workspaceId, name), null, budget) || budget.left() == 0) {
          return budget.page(false);
        }
        delete(List.of(key(tag)), budget);
      }
    }
    if (budget.left() == 0) {
      return budget.page(false);
    }
    if (!empty(KeySchema.auditPartition(workspaceId), null, budget)) {
      return budget.page(false);
    }
    if (!empty(workspace, KeySchema.WORKSPACE_SK, budget)) {
      return budget.page(false);
    }
    List<Map<String, AttributeValue>> last = new ArrayList<>();
    connectionIds.forEach(id -> last.add(Map.of(PK, s(KeySchema.connectionPartition(id)), SK, s(KeySchema.CONNECTION_SK))));
    last.add(Map.of(PK, s(workspace), SK, s(KeySchema.WORKSPACE_SK)));
    delete(last, budget);
    return budget.page(true);
  }

  /** Items leading to a partition of their own (groups, tag counts); none once the budget is spent. */
  private List<Map<String, AttributeValue>> leaders(String partition, String skPrefix, Budget budget) {
    return budget.left() == 0 ? List.of() : query(partition, skPrefix, budget.left());
  }

  /** Deletes the partition's items but {@code keepSk}; true when nothing else is left in it. */
  private boolean empty(String partition, String keepSk, Budget budget) {
    while (budget.left() > 0) {
      List<Map<String, AttributeValue>> items = query(partition, null, budget.left() + 1);
      List<Map<String, AttributeValue>> doomed = items.stream()
          .filter(item -> keepSk == null || !keepSk.equals(item.get(SK).s())).map(DynamoWorkspacePurgeStore::key)
          .limit(budget.left()).toList();
      if (doomed.isEmpty()) {
        return true;
      }
      delete(doomed, budget);
    }
    return false;
  }

  private List<Map<String, AttributeValue>> query(String partition, String skPrefix, int limit) {
    QueryRequest.Builder request = QueryRequest.builder().tableName(table.tableName()).consistentRead(true)
        .limit(Math.max(1, limit)).projectionExpression("#pk, #sk")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK));
    if (skPrefix == null) {
      request.keyConditionExpression("#pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition)));
    } else {
      request.keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
          .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(skPrefix)));
    }
    return table.dynamo().query(request.build()).items();
  }

  private void delete(List<Map<String, AttributeValue>> keys, Budget budget) {
    List<WriteRequest> requests = keys.stream().map(BatchWrites::delete).toList();
    for (int at = 0; at < requests.size(); at += BatchWrites.BATCH_SIZE) {
      BatchWrites.run(table, requests.subList(at, Math.min(requests.size(), at + BatchWrites.BATCH_SIZE)));
    }
    budget.spend(keys.size());
  }

  private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
    return Map.of(PK, item.get(PK), SK, item.get(SK));
  }

  private static final class Budget {
    private final int limit;
    private long deleted;

    Budget(int limit) {
      this.limit = limit;
    }

    int left() {
      return (int) Math.max(0, limit - deleted);
    }

    void spend(int count) {
      deleted += count;
    }

    PurgePage page(boolean finished) {
      return new PurgePage(deleted, finished);
    }
  }
}
