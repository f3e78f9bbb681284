package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.appusers.AppUserProfile;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.persistence.Transactions.Write;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * App users in their workspace's partition, with their tags three ways: the set on the app user
 * item (read with the user), one item per (tag, app user) in the tag's partition (list a tag's
 * users), and a member count per tag in the workspace partition (list tags). A change moves all
 * three in one transaction conditional on the app user's version.
 */
public final class DynamoAppUserStore implements AppUserStore {

  public static final String ENTITY = "AppUser";
  static final String TAG_MEMBER_ENTITY = "TagMember";
  /** Tag changes per transaction: each is two items, plus the app user, within DynamoDB's 100. */
  static final int TAG_CHANGES_PER_TRANSACTION = 48;

  private final TableAccess table;
  private final Transactions tx;

  public DynamoAppUserStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
  }

  @Override
  public Optional<AppUser> find(String workspaceId, String id) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(AccountWrites.appUserKey(workspaceId, id)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  /**
   * A change of more tags than fit one transaction is written in steps, each conditional on the
   * version the previous step wrote, so a concurrent writer still fails the next step. Only the
   * derived attributes are set: the account on the same item belongs to the SCIM request path.
   */
  @Override
  public void save(AppUser current, AppUser desired) {
    SortedSet<String> from = current == null ? new TreeSet<>() : current.tags();
    List<TagChange> changes = new ArrayList<>();
    desired.tags().stream().filter(t -> !from.contains(t)).forEach(t -> changes.add(new TagChange(t, true)));
    from.stream().filter(t -> !desired.tags().contains(t)).forEach(t -> changes.add(new TagChange(t, false)));
    Long expected = current == null ? null : current.version();
    SortedSet<String> tags = new TreeSet<>(from);
    int done = 0;
    do {
      List<TagChange> step = changes.subList(done, Math.min(changes.size(), done + TAG_CHANGES_PER_TRANSACTION));
      done += step.size();
      step.forEach(c -> {
        if (c.added()) {
          tags.add(c.tag());
        } else {
          tags.remove(c.tag());
        }
      });
      List<Write> writes = new ArrayList<>();
      writes.add(tx.update(derived(desired, tags, expected), null));
      for (TagChange change : step) {
        Map<String, AttributeValue> member = tagMemberKey(desired.workspaceId(), change.tag(), desired.id());
        writes.add(change.added() ? tx.put(tagMemberItem(member, desired)) : tx.delete(member));
        writes.add(tx.countChange(tagCountKey(desired.workspaceId(), change.tag()), change.added() ? 1 : -1));
      }
      run(writes);
      expected = expected == null ? 1 : expected + 1;
    } while (done < changes.size());
  }

  private static Transactions.UpdateSpec derived(AppUser user, SortedSet<String> tags, Long expected) {
    UpdateBuilder update = new UpdateBuilder(AccountWrites.appUserKey(user.workspaceId(), user.id()))
        .set(KeySchema.ENTITY, s(ENTITY))
        .set("id", s(user.id()))
        .set("workspaceId", s(user.workspaceId()))
        .set("version", Item.n(expected == null ? 1 : expected + 1))
        .set("userName", user.userName() == null ? null : s(user.userName()))
        .set("displayName", user.displayName() == null ? null : s(user.displayName()))
        .set("tags", tags.isEmpty() ? null : AttributeValue.fromSs(List.copyOf(tags)))
        .set("profile", ProfileValues.toMap(user.profile().fields()))
        .set("customFields", ProfileValues.toMap(user.profile().customFields()));
    return expected == null
        ? update.condition("attribute_not_exists(#pk)", Map.of("#pk", KeySchema.PK), Map.of()).build()
        : update.condition("#version = :expected", Map.of(), Map.of(":expected", Item.n(expected))).build();
  }

  /**
   * Deletes the app user, its tags and its email claim. Conditional on both versions: a SCIM request
   * that linked a new identity to this person meanwhile keeps them alive.
   */
  @Override
  public void delete(AppUser current) {
    List<String> tags = new ArrayList<>(current.tags());
    long expected = current.version();
    int done = 0;
    do {
      List<String> step = tags.subList(done, Math.min(tags.size(), done + TAG_CHANGES_PER_TRANSACTION));
      done += step.size();
      List<Write> writes = new ArrayList<>();
      boolean last = done >= tags.size();
      SortedSet<String> remaining = new TreeSet<>(tags.subList(done, tags.size()));
      if (last) {
        writes.add(deleteIfUnchanged(current, expected));
        Account account = current.account();
        if (account != null && account.emailKey() != null) {
          writes.add(tx.deleteIf(AccountWrites.emailKey(current.workspaceId(), account.emailKey()), "#appUserId = :me",
              Map.of("#appUserId", "appUserId"), Map.of(":me", s(current.id()))));
        }
      } else {
        writes.add(tx.update(derived(current, remaining, expected), null));
      }
      for (String tag : step) {
        writes.add(tx.delete(tagMemberKey(current.workspaceId(), tag, current.id())));
        writes.add(tx.countChange(tagCountKey(current.workspaceId(), tag), -1));
      }
      run(writes);
      expected++;
    } while (done < tags.size());
  }

  private void run(List<Write> writes) {
    try {
      tx.run(writes);
    } catch (VersionMismatch | UniquenessViolation e) {
      throw new ConcurrentAppUserChange();
    }
  }

  private Write deleteIfUnchanged(AppUser current, long expectedVersion) {
    Map<String, String> names = new HashMap<>(Map.of("#version", "version", "#access", "accessVersion"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":version", Item.n(expectedVersion)));
    String condition = "#version = :version AND ";
    if (current.account() == null) {
      condition += "attribute_not_exists(#access)";
    } else {
      condition += "#access = :access";
      values.put(":access", Item.n(current.account().accessVersion()));
    }
    return tx.deleteIf(AccountWrites.appUserKey(current.workspaceId(), current.id()), condition, names, values);
  }

  @Override
  public AppUserPage page(String workspaceId, String afterId, int limit) {
    String partition = KeySchema.workspacePartition(workspaceId);
    var response = query(partition, KeySchema.APP_USER_PREFIX, afterId == null ? null : KeySchema.appUserSk(afterId), limit);
    List<AppUser> users = response.items().stream().map(DynamoAppUserStore::fromItem).toList();
    return new AppUserPage(users, lastId(response.lastEvaluatedKey(), users.isEmpty() ? null : users.get(users.size() - 1).id()));
  }

  @Override
  public AppUserPage withTag(String workspaceId, String tag, String afterId, int limit) {
    String partition = KeySchema.tagMembersPartition(workspaceId, tag);
    var response = query(partition, KeySchema.APP_USER_PREFIX, afterId == null ? null : KeySchema.appUserSk(afterId), limit);
    List<String> ids = response.items().stream().map(i -> i.get("appUserId").s()).toList();
    Map<String, AppUser> found = new HashMap<>();
    BatchGets.run(table, ids.stream().map(id -> AccountWrites.appUserKey(workspaceId, id)).toList(), null, Map.of())
        .forEach(item -> found.put(item.get("id").s(), fromItem(item)));
    // A tag item whose app user is mid-deletion lists nothing rather than a half-deleted user.
    List<AppUser> users = ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    return new AppUserPage(users, lastId(response.lastEvaluatedKey(), ids.isEmpty() ? null : ids.get(ids.size() - 1)));
  }

  @Override
  public List<TagCount> tags(String workspaceId) {
    return table.itemsWithPrefix(KeySchema.workspacePartition(workspaceId), KeySchema.TAG_PREFIX, false)
        .map(i -> new TagCount(i.get(SK).s().substring(KeySchema.TAG_PREFIX.length()), Long.parseLong(i.get("count").n())))
        .filter(t -> t.members() > 0)
        .toList();
  }

  private software.amazon.awssdk.services.dynamodb.model.QueryResponse query(
      String partition, String prefix, String afterSk, int limit) {
    Map<String, AttributeValue> start = afterSk == null ? null : Map.of(PK, s(partition), SK, s(afterSk));
    return table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(prefix)))
        .exclusiveStartKey(start)
        .limit(limit));
  }

  private static String lastId(Map<String, AttributeValue> lastEvaluatedKey, String lastSeen) {
    return lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : lastSeen;
  }

  private record TagChange(String tag, boolean added) {}

  private static Map<String, AttributeValue> tagMemberKey(String workspaceId, String tag, String appUserId) {
    return Map.of(PK, s(KeySchema.tagMembersPartition(workspaceId, tag)), SK, s(KeySchema.appUserSk(appUserId)));
  }

  private static Map<String, AttributeValue> tagCountKey(String workspaceId, String tag) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.tagCountSk(tag)));
  }

  private static Map<String, AttributeValue> tagMemberItem(Map<String, AttributeValue> key, AppUser user) {
    return Item.of(new HashMap<>(key))
        .put(KeySchema.ENTITY, TAG_MEMBER_ENTITY)
        .put("appUserId", user.id())
        .values();
  }

  private static AppUser fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(values);
    AttributeValue tags = values.get("tags");
    return new AppUser(
        item.string("workspaceId"),
        item.string("id"),
        item.string("userName"),
        item.string("displayName"),
        tags == null ? new TreeSet<>() : new TreeSet<>(tags.ss()),
        values.containsKey("version") ? item.number("version") : 0,
        DynamoAccountStore.accountOf(values),
        new AppUserProfile(ProfileValues.fromMap(values.get("profile")), ProfileValues.fromMap(values.get("customFields"))));
  }
}
