package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.GSI1;
import static dev.scimlambda.persistence.KeySchema.GSI1_PK;
import static dev.scimlambda.persistence.KeySchema.GSI1_SK;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.persistence.Transactions.Write;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.GroupChange;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * SCIM groups in their connection's partition: the group item (document without members, member
 * count, version), guard items making displayName and externalId unique, and the connection's group
 * count, written in one transaction. Memberships are items of their own in the group's member
 * partition, indexed on gsi1 by member, written and deleted in batches.
 */
public final class DynamoGroupStore implements GroupStore {

  public static final String ENTITY = "Group";
  public static final String MEMBER_ENTITY = "GroupMember";
  /** On a group item: the id of a staged change not yet complete ({@link StagedGroupChanges}). */
  static final String PENDING_CHANGE = "pendingChange";
  /** On a group item: a staged create whose request has not answered yet; a retry may take it over. */
  static final String UNANSWERED_CREATE = "unansweredCreate";

  private final TableAccess table;
  private final Transactions tx;
  private final StagedGroupChanges staged;

  public DynamoGroupStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
    this.staged = new StagedGroupChanges(table);
  }

  @Override
  public void create(ScimGroup group) {
    List<Write> writes = new ArrayList<>();
    writes.add(tx.putIfAbsent(groupItem(group), null));
    writes.addAll(guardPuts(group, group.displayNameKey(), group.externalId()));
    writes.add(tx.countChange(key(group.connectionId(), KeySchema.GROUP_COUNT_SK), 1));
    tx.run(writes);
  }

  @Override
  public Optional<ScimGroup> find(String connectionId, String id) {
    return Optional.ofNullable(completed(readGroup(connectionId, id))).map(DynamoGroupStore::fromItem);
  }

  @Override
  public Map<String, ScimGroup> findAll(String connectionId, Collection<String> ids) {
    List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(ids).stream()
        .filter(id -> !id.contains("#")).map(id -> groupKey(connectionId, id)).toList();
    Map<String, ScimGroup> found = new HashMap<>();
    for (Map<String, AttributeValue> item : BatchGets.run(table, keys, null, Map.of())) {
      Map<String, AttributeValue> completed = completed(item);
      if (completed != null) {
        ScimGroup group = fromItem(completed);
        found.put(group.id(), group);
      }
    }
    return found;
  }

  private Map<String, AttributeValue> readGroup(String connectionId, String id) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(groupKey(connectionId, id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  /** The group item, after completing the staged change it names, if any (then read again). */
  private Map<String, AttributeValue> completed(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(PENDING_CHANGE)) {
      return item;
    }
    String connectionId = item.get("connectionId").s();
    String id = item.get("id").s();
    staged.complete(connectionId, id, item.get(PENDING_CHANGE).s());
    return readGroup(connectionId, id);
  }

  @Override
  public ScimGroup apply(GroupChange change) {
    ScimGroup updated = change.updated();
    String connectionId = updated.connectionId();
    String groupId = updated.id();
    List<Member> puts = change.puts();
    List<String> deletes = change.deletes().stream().distinct().toList();
    if (groupWrites(change, 0, null).size() + puts.size() + deletes.size() <= StagedGroupChanges.TRANSACTION_ITEMS) {
      applyInOneTransaction(change, puts, deletes);
    } else {
      applyStaged(change, puts, deletes);
    }
    return fromItem(readGroup(connectionId, groupId));
  }

  /**
   * One transaction, without reading the memberships first: each put is conditioned on the
   * membership being absent and each delete on it being present, so the count's delta is exact
   * when it commits. When some are already so, DynamoDB cancels it, writing nothing, and names
   * them (with the stored membership of a put): the transaction is sent again without them, an
   * existing membership rewritten only when its type or display changed. Each round drops at least
   * one action, so this ends.
   */
  private void applyInOneTransaction(GroupChange change, List<Member> puts, List<String> deletes) {
    String connectionId = change.updated().connectionId();
    String groupId = change.updated().id();
    // A new group has no memberships yet: its puts need no condition.
    boolean conditional = !change.isCreate();
    List<Member> newMembers = new ArrayList<>(puts);
    List<Member> rewrites = new ArrayList<>();
    List<String> removals = new ArrayList<>(deletes);
    while (true) {
      long delta = newMembers.size() - removals.size();
      List<Write> writes = new ArrayList<>(groupWrites(change, delta, null));
      int firstMembership = writes.size();
      newMembers.forEach(m -> writes.add(conditional
          ? tx.putMembershipIfAbsent(memberItem(connectionId, groupId, m)) : tx.put(memberItem(connectionId, groupId, m))));
      removals.forEach(id -> writes.add(tx.deleteMembershipIfPresent(memberKey(connectionId, groupId, id))));
      rewrites.forEach(m -> writes.add(tx.put(memberItem(connectionId, groupId, m))));
      try {
        tx.run(writes);
        return;
      } catch (Transactions.MembershipsAlreadySo alreadySo) {
        List<Member> stillNew = new ArrayList<>();
        for (int i = 0; i < newMembers.size(); i++) {
          Map<String, AttributeValue> stored = alreadySo.stored().get(firstMembership + i);
          if (stored == null) {
            stillNew.add(newMembers.get(i));
          } else if (stored.isEmpty() || !newMembers.get(i).equals(memberFromItem(stored))) {
            rewrites.add(newMembers.get(i));
          }
        }
        List<String> stillPresent = new ArrayList<>();
        for (int i = 0; i < removals.size(); i++) {
          if (!alreadySo.stored().containsKey(firstMembership + newMembers.size() + i)) {
            stillPresent.add(removals.get(i));
          }
        }
        newMembers = stillNew;
        removals = stillPresent;
      }
    }
  }

  /**
   * Over 100 items: the staged change of {@link StagedGroupChanges}. Its count is written with the
   * group item before the memberships, so the memberships it names are read first (BatchGetItem in
   * parallel calls), and only those that change are recorded.
   */
  private void applyStaged(GroupChange change, List<Member> requestedPuts, List<String> requestedDeletes) {
    String connectionId = change.updated().connectionId();
    String groupId = change.updated().id();
    Map<String, Member> existing = change.isCreate() ? Map.of() : existingMembers(connectionId, groupId,
        java.util.stream.Stream.concat(requestedPuts.stream().map(Member::value), requestedDeletes.stream()).toList());
    List<Member> puts = requestedPuts.stream().filter(m -> !m.equals(existing.get(m.value()))).toList();
    List<String> deletes = requestedDeletes.stream().filter(existing::containsKey).toList();
    long delta = requestedPuts.stream().filter(m -> !existing.containsKey(m.value())).count() - deletes.size();
    String changeId = UUID.randomUUID().toString();
    staged.record(connectionId, groupId, changeId, puts, deletes);
    try {
      tx.run(groupWrites(change, delta, changeId));
    } catch (RuntimeException refused) {
      // Nothing refers to the recorded parts: they go, so a lost race or a taken name leaves nothing behind.
      staged.discard(connectionId, groupId, changeId);
      throw refused;
    }
    staged.complete(connectionId, groupId, changeId);
    if (change.isCreate()) {
      answerCreate(connectionId, groupId);
    }
  }

  /**
   * The transaction's actions on the group item, its guards and the group count. With a
   * {@code changeId} the group item names the staged change (and a create is marked unanswered).
   */
  private List<Write> groupWrites(GroupChange change, long delta, String changeId) {
    ScimGroup updated = change.updated();
    String connection = updated.connectionId();
    List<Write> writes = new ArrayList<>();
    if (change.isCreate()) {
      ScimGroup created = new ScimGroup(connection, updated.id(), updated.document(), updated.displayNameKey(),
          updated.externalId(), delta, updated.created(), updated.lastModified(), 1);
      Map<String, AttributeValue> item = new HashMap<>(groupItem(created));
      if (changeId != null) {
        item.put(PENDING_CHANGE, s(changeId));
        item.put(UNANSWERED_CREATE, s(changeId));
      }
      writes.add(tx.putIfAbsent(item, null));
      writes.addAll(guardPuts(created, created.displayNameKey(), created.externalId()));
      writes.add(tx.countChange(key(connection, KeySchema.GROUP_COUNT_SK), 1));
      return writes;
    }
    ScimGroup previous = change.previous();
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#version", "version", "#count", "memberCount",
        "#modified", "lastModified", "#document", "document", "#nameKey", "displayNameKey", "#ext", "externalId",
        "#pending", PENDING_CHANGE));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Item.n(1), ":delta", Item.n(delta),
        ":now", s(updated.lastModified().toString()), ":document", s(updated.document().toString()),
        ":nameKey", s(updated.displayNameKey())));
    String set = "SET #modified = :now, #document = :document, #nameKey = :nameKey";
    String remove = "";
    if (updated.externalId() != null) {
      set += ", #ext = :ext";
      values.put(":ext", s(updated.externalId()));
    } else {
      remove = " REMOVE #ext";
    }
    if (changeId != null) {
      set += ", #pending = :change";
      values.put(":change", s(changeId));
    }
    String condition = "attribute_exists(#pk) AND attribute_not_exists(#pending)";
    if (change.expectedVersion() != null) {
      condition += " AND #version = :expected";
      values.put(":expected", Item.n(change.expectedVersion()));
    }
    writes.add(tx.update(new Transactions.UpdateSpec(groupKey(connection, updated.id()),
        set + remove + " ADD #version :one, #count :delta", condition, names, values), null));
    writes.addAll(guardChanges(connection, previous, updated));
    return writes;
  }

  /** The uniqueness guards a rename or an externalId change moves: the old ones go, the new ones are claimed. */
  private List<Write> guardChanges(String connection, ScimGroup previous, ScimGroup updated) {
    List<Write> writes = new ArrayList<>();
    if (!previous.displayNameKey().equals(updated.displayNameKey())) {
      writes.add(tx.delete(key(connection, KeySchema.groupNameGuard(previous.displayNameKey()))));
      writes.addAll(guardPuts(updated, updated.displayNameKey(), null));
    }
    if (!Objects.equals(previous.externalId(), updated.externalId())) {
      if (previous.externalId() != null) {
        writes.add(tx.delete(key(connection, KeySchema.groupExternalIdGuard(previous.externalId()))));
      }
      if (updated.externalId() != null) {
        writes.addAll(guardPuts(updated, null, updated.externalId()));
      }
    }
    return writes;
  }

  @Override
  public Optional<ScimGroup> unansweredCreate(String connectionId, String id) {
    Map<String, AttributeValue> item = completed(readGroup(connectionId, id));
    return item != null && item.containsKey(UNANSWERED_CREATE) ? Optional.of(fromItem(item)) : Optional.empty();
  }

  @Override
  public boolean answerCreate(String connectionId, String id) {
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(groupKey(connectionId, id))
          .updateExpression("REMOVE #unanswered")
          .conditionExpression("attribute_exists(#unanswered)")
          .expressionAttributeNames(Map.of("#unanswered", UNANSWERED_CREATE)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void replace(ScimGroup previous, ScimGroup updated) {
    List<Write> writes = new ArrayList<>();
    writes.add(tx.putIfVersion(groupItem(updated), previous.version()));
    String connection = previous.connectionId();
    writes.addAll(guardChanges(connection, previous, updated));
    tx.run(writes);
  }

  @Override
  public Optional<ScimGroup> touch(String connectionId, String id, Long expectedVersion, Instant now, long memberDelta) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#version", "version", "#count", "memberCount",
        "#modified", "lastModified"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Item.n(1), ":delta", Item.n(memberDelta),
        ":now", s(now.toString())));
    String condition = "attribute_exists(#pk)";
    if (expectedVersion != null) {
      condition += " AND #version = :expected";
      values.put(":expected", Item.n(expectedVersion));
    }
    String conditionExpression = condition;
    try {
      Map<String, AttributeValue> item = table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(groupKey(connectionId, id))
          .updateExpression("SET #modified = :now ADD #version :one, #count :delta")
          .conditionExpression(conditionExpression)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      return Optional.of(fromItem(item));
    } catch (ConditionalCheckFailedException e) {
      if (find(connectionId, id).isEmpty()) {
        return Optional.empty();
      }
      throw new VersionMismatch();
    }
  }

  @Override
  public void delete(ScimGroup current) {
    String connection = current.connectionId();
    List<Write> writes = new ArrayList<>();
    writes.add(tx.deleteIfVersion(groupKey(connection, current.id()), current.version()));
    writes.add(tx.delete(key(connection, KeySchema.groupNameGuard(current.displayNameKey()))));
    if (current.externalId() != null) {
      writes.add(tx.delete(key(connection, KeySchema.groupExternalIdGuard(current.externalId()))));
    }
    writes.add(tx.countChange(key(connection, KeySchema.GROUP_COUNT_SK), -1));
    tx.run(writes);
    List<WriteRequest> deletes = new ArrayList<>();
    String after = null;
    do {
      MemberPage page = members(connection, current.id(), after, 1000);
      page.members().forEach(m -> deletes.add(BatchWrites.delete(memberKey(connection, current.id(), m.value()))));
      after = page.lastMemberId();
    } while (after != null);
    BatchWrites.run(table, deletes);
  }

  /** Reads the memberships first (BatchGetItem, O(N)) so unchanged ones are not rewritten and new ones are counted. */
  @Override
  public int putMembers(String connectionId, String groupId, Collection<Member> members) {
    Map<String, Member> existing = existingMembers(connectionId, groupId, members.stream().map(Member::value).toList());
    List<Member> changed = members.stream().filter(m -> !m.equals(existing.get(m.value()))).toList();
    BatchWrites.run(table, changed.stream().map(m -> BatchWrites.put(memberItem(connectionId, groupId, m))).toList());
    return (int) members.stream().filter(m -> !existing.containsKey(m.value())).count();
  }

  @Override
  public int removeMembers(String connectionId, String groupId, Collection<String> memberIds) {
    Map<String, Member> existing = existingMembers(connectionId, groupId, memberIds);
    BatchWrites.run(table, existing.keySet().stream()
        .map(id -> BatchWrites.delete(memberKey(connectionId, groupId, id))).toList());
    return existing.size();
  }

  private Map<String, Member> existingMembers(String connectionId, String groupId, Collection<String> memberIds) {
    List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(memberIds).stream()
        .map(id -> memberKey(connectionId, groupId, id)).toList();
    Map<String, Member> existing = new HashMap<>();
    BatchGets.run(table, keys, "memberId, #type, display", Map.of("#type", "type"))
        .forEach(item -> existing.put(item.get("memberId").s(), memberFromItem(item)));
    return existing;
  }

  @Override
  public MemberPage members(String connectionId, String groupId, String afterMemberId, int limit) {
    String partition = KeySchema.groupMembersPartition(connectionId, groupId);
    Map<String, AttributeValue> start =
        afterMemberId == null ? null : Map.of(PK, s(partition), SK, s(KeySchema.memberSk(afterMemberId)));
    var response = table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(KeySchema.MEMBER_PREFIX)))
        .exclusiveStartKey(start)
        .limit(limit)
        .consistentRead(true));
    List<Member> members = response.items().stream().map(DynamoGroupStore::memberFromItem).toList();
    boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    return new MemberPage(members, more && !members.isEmpty() ? members.get(members.size() - 1).value() : null);
  }

  @Override
  public long countMembers(String connectionId, String groupId) {
    return table.dynamo().queryPaginator(b -> b.tableName(table.tableName())
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
            .expressionAttributeValues(Map.of(
                ":pk", s(KeySchema.groupMembersPartition(connectionId, groupId)), ":prefix", s(KeySchema.MEMBER_PREFIX)))
            .select(Select.COUNT)
            .consistentRead(true))
        .stream()
        .mapToLong(page -> page.count())
        .sum();
  }

  @Override
  public boolean isMember(String connectionId, String groupId, String memberId) {
    Map<String, AttributeValue> item = table.dynamo().getItem(b -> b.tableName(table.tableName())
        .key(memberKey(connectionId, groupId, memberId))
        .projectionExpression("#pk")
        .expressionAttributeNames(Map.of("#pk", PK))
        .consistentRead(true)).item();
    return item != null && !item.isEmpty();
  }

  @Override
  public List<String> groupIdsOf(String connectionId, String memberId) {
    return membershipsOf(connectionId, memberId).stream().map(item -> item.get("groupId").s()).toList();
  }

  @Override
  public List<String> removeFromAllGroups(String connectionId, String memberId) {
    List<Map<String, AttributeValue>> memberships = membershipsOf(connectionId, memberId);
    BatchWrites.run(table, memberships.stream()
        .map(item -> BatchWrites.delete(Map.of(PK, item.get(PK), SK, item.get(SK)))).toList());
    return memberships.stream().map(item -> item.get("groupId").s()).toList();
  }

  /** The member's membership items, from gsi1 (eventually consistent, as every GSI read). */
  private List<Map<String, AttributeValue>> membershipsOf(String connectionId, String memberId) {
    return table.dynamo().queryPaginator(b -> b.tableName(table.tableName())
            .indexName(GSI1)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", GSI1_PK))
            .expressionAttributeValues(Map.of(":pk", s(KeySchema.memberGroups(connectionId, memberId)))))
        .items()
        .stream()
        .toList();
  }

  @Override
  public Map<String, Member> resolve(String connectionId, Collection<String> ids) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      if (!id.contains("#")) {
        keys.add(key(connectionId, KeySchema.userSk(id)));
        keys.add(groupKey(connectionId, id));
      }
    }
    Map<String, Member> found = new HashMap<>();
    BatchGets.run(table, keys, "#entity, #id, #document",
        Map.of("#entity", KeySchema.ENTITY, "#id", "id", "#document", "document"))
        .forEach(item -> {
          Member member = resolved(item);
          found.put(member.value(), member);
        });
    return found;
  }

  private static Member resolved(Map<String, AttributeValue> item) {
    boolean group = ENTITY.equals(item.get(KeySchema.ENTITY).s());
    JsonNode document = parse(item.get("document").s());
    String display = group ? text(document, "displayName") : Optional.ofNullable(text(document, "displayName"))
        .orElse(text(document, "userName"));
    return new Member(item.get("id").s(), group ? Member.GROUP : Member.USER, display);
  }

  private static String text(JsonNode document, String field) {
    JsonNode value = document.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  @Override
  public Optional<String> findId(String connectionId, LookupKey lookup, String normalisedValue) {
    String sk = switch (lookup) {
      case DISPLAY_NAME -> KeySchema.groupNameGuard(normalisedValue);
      case EXTERNAL_ID -> KeySchema.groupExternalIdGuard(normalisedValue);
    };
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(key(connectionId, sk)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("groupId").s());
  }

  @Override
  public GroupPage page(String connectionId, String afterId, int limit) {
    Map<String, AttributeValue> start = afterId == null ? null : groupKey(connectionId, afterId);
    var response = table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(
            ":pk", s(KeySchema.connectionPartition(connectionId)), ":prefix", s(KeySchema.GROUP_PREFIX)))
        .exclusiveStartKey(start)
        .limit(limit)
        .consistentRead(true));
    List<ScimGroup> groups = response.items().stream().map(this::completed).filter(Objects::nonNull)
        .map(DynamoGroupStore::fromItem).toList();
    boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    return new GroupPage(groups, more && !response.items().isEmpty()
        ? response.items().get(response.items().size() - 1).get("id").s() : null);
  }

  @Override
  public long count(String connectionId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName())
            .key(key(connectionId, KeySchema.GROUP_COUNT_SK))
            .consistentRead(true))
        .item();
    return item == null || !item.containsKey("count") ? 0 : Long.parseLong(item.get("count").n());
  }

  private List<Write> guardPuts(ScimGroup group, String displayNameKey, String externalId) {
    List<Write> writes = new ArrayList<>();
    if (displayNameKey != null) {
      writes.add(tx.putIfAbsent(guardItem(group, KeySchema.groupNameGuard(displayNameKey)), "displayName"));
    }
    if (externalId != null) {
      writes.add(tx.putIfAbsent(guardItem(group, KeySchema.groupExternalIdGuard(externalId)), "externalId"));
    }
    return writes;
  }

  private static Map<String, AttributeValue> key(String connectionId, String sk) {
    return Map.of(PK, s(KeySchema.connectionPartition(connectionId)), SK, s(sk));
  }

  private static Map<String, AttributeValue> groupKey(String connectionId, String id) {
    return key(connectionId, KeySchema.groupSk(id));
  }

  private static Map<String, AttributeValue> memberKey(String connectionId, String groupId, String memberId) {
    return Map.of(PK, s(KeySchema.groupMembersPartition(connectionId, groupId)), SK, s(KeySchema.memberSk(memberId)));
  }

  private static Map<String, AttributeValue> guardItem(ScimGroup group, String sk) {
    Map<String, AttributeValue> item = new HashMap<>(key(group.connectionId(), sk));
    item.put(KeySchema.ENTITY, s("GroupGuard"));
    item.put("groupId", s(group.id()));
    return item;
  }

  /** Package-private so tests can lay out many memberships in a few batches. */
  static Map<String, AttributeValue> memberItem(String connectionId, String groupId, Member member) {
    return Item.of(new HashMap<>(memberKey(connectionId, groupId, member.value())))
        .put(KeySchema.ENTITY, MEMBER_ENTITY)
        .put("connectionId", connectionId)
        .put("groupId", groupId)
        .put("memberId", member.value())
        .put("type", member.type())
        .put("display", member.display())
        .put(GSI1_PK, KeySchema.memberGroups(connectionId, member.value()))
        .put(GSI1_SK, KeySchema.groupSk(groupId))
        .values();
  }

  /** Also how {@link ItemChanges} decodes stream images: one reading of the item for both. */
  static Member memberFromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(values);
    return new Member(item.string("memberId"), item.string("type"), item.string("display"));
  }

  private static Map<String, AttributeValue> groupItem(ScimGroup g) {
    return Item.of(new HashMap<>(groupKey(g.connectionId(), g.id())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("id", g.id())
        .put("connectionId", g.connectionId())
        .put("document", g.document().toString())
        .put("displayNameKey", g.displayNameKey())
        .put("externalId", g.externalId())
        .put("memberCount", g.memberCount())
        .put("created", g.created())
        .put("lastModified", g.lastModified())
        .put("version", g.version())
        .values();
  }

  /** Also how {@link ItemChanges} decodes stream images: one reading of the item for both. */
  static ScimGroup fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(values);
    return new ScimGroup(
        item.string("connectionId"),
        item.string("id"),
        (ObjectNode) parse(item.string("document")),
        item.string("displayNameKey"),
        item.string("externalId"),
        values.containsKey("memberCount") ? item.number("memberCount") : 0,
        item.instant("created"),
        item.instant("lastModified"),
        item.number("version"));
  }

  private static JsonNode parse(String json) {
    try {
      return ScimJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored document is not JSON", e);
    }
  }
}
