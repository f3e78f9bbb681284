package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.directorysync.ConnectionSyncState;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectorySyncStore;
import dev.scimlambda.directorysync.GroupSelection;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Directory Sync's items, all in {@code DSYNC#<connection>} (docs/data-model.md). */
public final class DynamoDirectorySyncStore implements DirectorySyncStore {

  public static final String STATE_ENTITY = "DirectorySyncState";
  public static final String RUN_ENTITY = "DirectorySyncRun";
  public static final String USER_ENTITY = "DirectorySyncUser";
  public static final String GROUP_ENTITY = "DirectorySyncGroup";
  public static final String MEMBER_ENTITY = "DirectorySyncMember";
  /** Runs are kept 90 days; the history the admin sees is that long. */
  static final Duration RUN_RETENTION = Duration.ofDays(90);
  private static final String USER_PREFIX = "USER#";
  private static final String GROUP_PREFIX = "GROUP#";
  private static final String MEMBER_PREFIX = "MEMBER#";
  /** GSI1 partition of every pull connection's state, sorted by when its next run is due. */
  static final String DUE_PARTITION = "DSYNC_DUE";

  private final TableAccess table;

  public DynamoDirectorySyncStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public Optional<ConnectionSyncState> state(String connectionId) {
    return get(connectionId, KeySchema.DIRECTORY_SYNC_STATE_SK).map(item -> new ConnectionSyncState(
        connectionId,
        item.string("workspaceId"),
        DirectoryKind.fromWireName(item.string("kind")).orElseThrow(),
        item.values().containsKey("groups") ? new GroupSelection(Set.copyOf(item.values().get("groups").ss()))
            : GroupSelection.all(),
        item.duration("interval"),
        item.string("usersPosition"),
        item.string("groupsPosition"),
        item.instant("lastFullPassAt"),
        item.string("activeRunId"),
        item.instant("credentialsUpdatedAt"),
        item.instant("nextRunAt")));
  }

  @Override
  public void saveState(ConnectionSyncState state) {
    Item item = Item.of(new HashMap<>(key(state.connectionId(), KeySchema.DIRECTORY_SYNC_STATE_SK)))
        .put(KeySchema.ENTITY, STATE_ENTITY)
        .put("workspaceId", state.workspaceId())
        .put("kind", state.kind().wireName())
        .put("interval", state.interval())
        .put("usersPosition", state.usersPosition())
        .put("groupsPosition", state.groupsPosition())
        .put("lastFullPassAt", state.lastFullPassAt())
        .put("activeRunId", state.activeRunId())
        .put("credentialsUpdatedAt", state.credentialsUpdatedAt())
        .put("nextRunAt", state.nextRunAt());
    if (!state.selection().isAll()) {
      item.values().put("groups", AttributeValue.fromSs(List.copyOf(state.selection().groupIds())));
    }
    if (state.nextRunAt() != null) {
      item.put(KeySchema.GSI1_PK, DUE_PARTITION).put(KeySchema.GSI1_SK, dueKey(state.nextRunAt(), state.connectionId()));
    }
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item.values()));
  }

  @Override
  public void saveSettings(ConnectionSyncState state) {
    UpdateBuilder update = new UpdateBuilder(key(state.connectionId(), KeySchema.DIRECTORY_SYNC_STATE_SK))
        .set(KeySchema.ENTITY, s(STATE_ENTITY))
        .set("workspaceId", s(state.workspaceId()))
        .set("kind", s(state.kind().wireName()))
        .set("interval", s(state.interval().toString()))
        .set("groups", state.selection().isAll() ? null : AttributeValue.fromSs(List.copyOf(state.selection().groupIds())))
        .set("credentialsUpdatedAt", text(state.credentialsUpdatedAt() == null ? null : state.credentialsUpdatedAt().toString()))
        .set("nextRunAt", s(state.nextRunAt().toString()))
        .set(KeySchema.GSI1_PK, s(DUE_PARTITION))
        .set(KeySchema.GSI1_SK, s(dueKey(state.nextRunAt(), state.connectionId())));
    if (state.usersPosition() == null) {
      // A new group selection: the next run must be a full pass.
      update.set("usersPosition", null).set("groupsPosition", null);
    }
    Transactions.UpdateSpec spec = update.build();
    // An admin's change of credentials or settings: its audit entry stands or falls with it.
    AuditedWrites.write(table, TransactWriteItem.builder().update(b -> b.tableName(table.tableName()).key(spec.key())
        .updateExpression(spec.expression()).expressionAttributeNames(spec.names())
        .expressionAttributeValues(spec.values())).build());
  }

  @Override
  public List<String> dueConnections(Instant now, int limit) {
    QueryResponse response = table.dynamo().query(b -> b.tableName(table.tableName())
        .indexName(KeySchema.GSI1)
        .keyConditionExpression("#pk = :due AND #sk <= :now")
        .expressionAttributeNames(Map.of("#pk", KeySchema.GSI1_PK, "#sk", KeySchema.GSI1_SK))
        .expressionAttributeValues(Map.of(":due", s(DUE_PARTITION), ":now", s(dueKey(now, "~"))))
        .limit(limit));
    return response.items().stream().map(item -> item.get(PK).s().substring("DSYNC#".length())).toList();
  }

  /** Epoch milliseconds, zero-padded, so the index sorts by time; the connection id makes keys unique. */
  private static String dueKey(Instant at, String connectionId) {
    return String.format(Locale.ROOT, "%015d#%s", at.toEpochMilli(), connectionId);
  }

  @Override
  public boolean claimActiveRun(String connectionId, String expectedActive, String runId, Instant nextRunAt) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":run", s(runId), ":next", s(nextRunAt.toString()),
        ":due", s(dueKey(nextRunAt, connectionId))));
    if (expectedActive != null) {
      values.put(":expected", s(expectedActive));
    }
    try {
      // Starting a run is Sync now's change: an admin's click is audited in the claim's transaction.
      AuditedWrites.write(table, TransactWriteItem.builder().update(b -> b.tableName(table.tableName())
          .key(key(connectionId, KeySchema.DIRECTORY_SYNC_STATE_SK))
          .updateExpression("SET activeRunId = :run, nextRunAt = :next, #gsk = :due")
          .conditionExpression(expectedActive == null
              ? "attribute_exists(#pk) AND attribute_not_exists(activeRunId)" : "activeRunId = :expected")
          .expressionAttributeNames(Map.of("#pk", PK, "#gsk", KeySchema.GSI1_SK))
          .expressionAttributeValues(values)).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<SyncRun> run(String connectionId, String runId) {
    return get(connectionId, KeySchema.syncRunSk(runId)).map(item -> run(connectionId, item));
  }

  private static SyncRun run(String connectionId, Item item) {
    return new SyncRun(
        connectionId,
        item.string("runId"),
        item.string("workspaceId"),
        SyncKind.valueOf(item.string("kind").toUpperCase(Locale.ROOT)),
        SyncRun.Trigger.valueOf(item.string("trigger").toUpperCase(Locale.ROOT)),
        SyncRun.Status.valueOf(item.string("status").toUpperCase(Locale.ROOT)),
        SyncRun.Phase.valueOf(item.string("phase").toUpperCase(Locale.ROOT)),
        item.string("position"),
        item.string("usersResumeFrom"),
        item.string("groupsResumeFrom"),
        new SyncRun.Counts(item.number("added"), item.number("updated"), item.number("deactivated"),
            item.number("failed")),
        item.string("lastError"),
        item.instant("startedAt"),
        item.instant("finishedAt"),
        item.instant("pausedUntil"));
  }

  @Override
  public void saveRun(SyncRun run, String leaseHolder) {
    UpdateBuilder update = new UpdateBuilder(key(run.connectionId(), KeySchema.syncRunSk(run.id())))
        .set(KeySchema.ENTITY, s(RUN_ENTITY))
        .set("runId", s(run.id()))
        .set("workspaceId", s(run.workspaceId()))
        .set("kind", s(run.kind().wireName()))
        .set("trigger", s(run.trigger().wireName()))
        .set("status", s(run.status().wireName()))
        .set("phase", s(run.phase().wireName()))
        .set("position", text(run.position()))
        .set("usersResumeFrom", text(run.usersResumeFrom()))
        .set("groupsResumeFrom", text(run.groupsResumeFrom()))
        .set("added", Item.n(run.counts().added()))
        .set("updated", Item.n(run.counts().updated()))
        .set("deactivated", Item.n(run.counts().deactivated()))
        .set("failed", Item.n(run.counts().failed()))
        .set("lastError", text(run.lastError()))
        .set("startedAt", s(run.startedAt().toString()))
        .set("finishedAt", run.finishedAt() == null ? null : s(run.finishedAt().toString()))
        .set("pausedUntil", run.pausedUntil() == null ? null : s(run.pausedUntil().toString()))
        .set(KeySchema.EXPIRES_AT, Item.n(run.startedAt().plus(RUN_RETENTION).getEpochSecond()));
    if (leaseHolder != null) {
      update.condition("leaseHolder = :holder", Map.of(), Map.of(":holder", s(leaseHolder)));
    }
    Transactions.UpdateSpec spec = update.build();
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName()).key(spec.key())
          .updateExpression(spec.expression()).conditionExpression(spec.condition())
          .expressionAttributeNames(spec.names()).expressionAttributeValues(spec.values()));
    } catch (ConditionalCheckFailedException e) {
      throw new LeaseLost(run.id());
    }
  }

  @Override
  public boolean lease(String connectionId, String runId, String holder, Instant until, Instant now) {
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(key(connectionId, KeySchema.syncRunSk(runId)))
          // Epoch milliseconds: ISO texts of instants do not sort by time (fractions vary in length).
          .updateExpression("SET leaseHolder = :holder, leaseUntil = :until")
          .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
          .expressionAttributeNames(Map.of("#pk", PK))
          .expressionAttributeValues(Map.of(":holder", s(holder), ":until", Item.n(until.toEpochMilli()),
              ":now", Item.n(now.toEpochMilli()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public RunPage runs(String connectionId, String cursor, int limit) {
    Map<String, AttributeValue> start = cursor == null ? null : key(connectionId, KeySchema.syncRunSk(cursor));
    QueryResponse response = table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(":pk", s(KeySchema.directorySyncPartition(connectionId)),
            ":prefix", s(KeySchema.SYNC_RUN_PREFIX)))
        .scanIndexForward(false)
        .exclusiveStartKey(start)
        .limit(limit));
    List<SyncRun> runs = response.items().stream().map(v -> run(connectionId, Item.of(new HashMap<>(v)))).toList();
    String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !runs.isEmpty()
        ? runs.get(runs.size() - 1).id() : null;
    return new RunPage(runs, next);
  }

  @Override
  public Map<String, SyncedUser> users(String connectionId, Collection<String> providerIds) {
    Map<String, SyncedUser> found = new HashMap<>();
    for (Item item : batchGet(connectionId, USER_PREFIX, providerIds)) {
      SyncedUser user = user(item);
      found.put(user.providerId(), user);
    }
    return found;
  }

  private static SyncedUser user(Item item) {
    return new SyncedUser(item.string("providerId"), item.string("scimId"), item.string("contentHash"),
        item.string("lastSeenRun"), item.bool("active"));
  }

  @Override
  public void putUsers(String connectionId, Collection<SyncedUser> users) {
    List<WriteRequest> writes = new ArrayList<>();
    for (SyncedUser user : users) {
      writes.add(BatchWrites.put(Item.of(new HashMap<>(key(connectionId, USER_PREFIX + user.providerId())))
          .put(KeySchema.ENTITY, USER_ENTITY)
          .put("providerId", user.providerId())
          .put("scimId", user.scimId())
          .put("contentHash", user.contentHash())
          .put("lastSeenRun", user.lastSeenRun())
          .put("active", user.active())
          .values()));
    }
    BatchWrites.run(table, writes);
  }

  @Override
  public SyncedPage<SyncedUser> usersNotSeenIn(String connectionId, String runId, String afterProviderId, int limit) {
    // The filter reads every user item of the page; a full pass reads them all once anyway.
    List<SyncedUser> unseen = new ArrayList<>();
    String last = null;
    for (Item item : pageWithPrefix(connectionId, USER_PREFIX, afterProviderId, limit)) {
      SyncedUser user = user(item);
      last = user.providerId();
      if (!runId.equals(user.lastSeenRun())) {
        unseen.add(user);
      }
    }
    return new SyncedPage<>(unseen, last);
  }

  @Override
  public Map<String, SyncedGroup> groups(String connectionId, Collection<String> providerIds) {
    Map<String, SyncedGroup> found = new HashMap<>();
    for (Item item : batchGet(connectionId, GROUP_PREFIX, providerIds)) {
      SyncedGroup group = group(item);
      found.put(group.providerId(), group);
    }
    return found;
  }

  private static SyncedGroup group(Item item) {
    return new SyncedGroup(item.string("providerId"), item.string("scimId"), item.string("nameHash"),
        item.string("lastSeenRun"));
  }

  @Override
  public void putGroups(String connectionId, Collection<SyncedGroup> groups) {
    List<WriteRequest> writes = new ArrayList<>();
    for (SyncedGroup group : groups) {
      writes.add(BatchWrites.put(Item.of(new HashMap<>(key(connectionId, GROUP_PREFIX + group.providerId())))
          .put(KeySchema.ENTITY, GROUP_ENTITY)
          .put("providerId", group.providerId())
          .put("scimId", group.scimId())
          .put("nameHash", group.nameHash())
          .put("lastSeenRun", group.lastSeenRun())
          .values()));
    }
    BatchWrites.run(table, writes);
  }

  @Override
  public void deleteGroup(String connectionId, String providerId) {
    List<WriteRequest> deletes = new ArrayList<>();
    deletes.add(BatchWrites.delete(key(connectionId, GROUP_PREFIX + providerId)));
    table.itemsWithPrefix(KeySchema.directorySyncPartition(connectionId), memberPrefix(providerId), true)
        .forEach(item -> deletes.add(BatchWrites.delete(Map.of(PK, item.get(PK), SK, item.get(SK)))));
    BatchWrites.run(table, deletes);
  }

  @Override
  public SyncedPage<SyncedGroup> allGroups(String connectionId, String afterProviderId, int limit) {
    List<SyncedGroup> groups = new ArrayList<>();
    for (Item item : pageWithPrefix(connectionId, GROUP_PREFIX, afterProviderId, limit)) {
      groups.add(group(item));
    }
    return new SyncedPage<>(groups, groups.size() < limit ? null : groups.get(groups.size() - 1).providerId());
  }

  @Override
  public void markMembers(String connectionId, String groupProviderId, Collection<SyncedMember> members) {
    List<WriteRequest> writes = new ArrayList<>();
    for (SyncedMember member : members) {
      writes.add(BatchWrites.put(Item.of(new HashMap<>(key(connectionId,
              memberPrefix(groupProviderId) + member.userProviderId())))
          .put(KeySchema.ENTITY, MEMBER_ENTITY)
          .put("userProviderId", member.userProviderId())
          .put("scimUserId", member.scimUserId())
          .put("lastSeenRun", member.lastSeenRun())
          .values()));
    }
    BatchWrites.run(table, writes);
  }

  @Override
  public void forgetMembers(String connectionId, String groupProviderId, Collection<String> userProviderIds) {
    BatchWrites.run(table, new LinkedHashSet<>(userProviderIds).stream()
        .map(id -> BatchWrites.delete(key(connectionId, memberPrefix(groupProviderId) + id))).toList());
  }

  @Override
  public List<SyncedMember> members(String connectionId, String groupProviderId) {
    return table.itemsWithPrefix(KeySchema.directorySyncPartition(connectionId), memberPrefix(groupProviderId), true)
        .map(v -> Item.of(new HashMap<>(v)))
        .map(item -> new SyncedMember(item.string("userProviderId"), item.string("scimUserId"),
            item.string("lastSeenRun")))
        .toList();
  }

  @Override
  public void deleteAll(String connectionId) {
    List<WriteRequest> deletes = table.itemsWithPrefix(KeySchema.directorySyncPartition(connectionId), "", true)
        .map(item -> BatchWrites.delete(Map.of(PK, item.get(PK), SK, item.get(SK))))
        .toList();
    BatchWrites.run(table, deletes);
  }

  private static String memberPrefix(String groupProviderId) {
    return MEMBER_PREFIX + groupProviderId + "#";
  }

  private List<Item> pageWithPrefix(String connectionId, String prefix, String afterProviderId, int limit) {
    Map<String, AttributeValue> start = afterProviderId == null ? null : key(connectionId, prefix + afterProviderId);
    QueryResponse response = table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(":pk", s(KeySchema.directorySyncPartition(connectionId)),
            ":prefix", s(prefix)))
        .exclusiveStartKey(start)
        .consistentRead(true)
        .limit(limit));
    return response.items().stream().map(v -> Item.of(new HashMap<>(v))).toList();
  }

  private List<Item> batchGet(String connectionId, String prefix, Collection<String> providerIds) {
    List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(providerIds).stream()
        .map(id -> key(connectionId, prefix + id)).toList();
    return BatchGets.run(table, keys, null, null).stream().map(v -> Item.of(new HashMap<>(v))).toList();
  }

  private Optional<Item> get(String connectionId, String sk) {
    Map<String, AttributeValue> values = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(key(connectionId, sk)).consistentRead(true)).item();
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(Item.of(new HashMap<>(values)));
  }

  private static Map<String, AttributeValue> key(String connectionId, String sk) {
    return Map.of(PK, s(KeySchema.directorySyncPartition(connectionId)), SK, s(sk));
  }

  private static AttributeValue text(String value) {
    return value == null ? null : s(value);
  }
}
