package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.persistence.Transactions.Write;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

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
  private static final int BATCH_GET = 100;

  private final TableAccess table;
  private final Transactions tx;

  public DynamoAppUserStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
  }

  @Override
  public Optional<AppUser> find(String workspaceId, String id) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName()).key(appUserKey(workspaceId, id)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  /**
   * A change of more tags than fit one transaction is written in steps, each conditional on the
   * version the previous step wrote, so a concurrent writer still fails the next step.
   */
  @Override
  public void save(AppUser current, AppUser desired) {
    SortedSet<String> from = current == null ? new TreeSet<>() : current.tags();
    List<String> added = desired.tags().stream().filter(t -> !from.contains(t)).toList();
    List<String> removed = from.stream().filter(t -> !desired.tags().contains(t)).toList();
    List<TagChange> changes = new ArrayList<>();
    added.forEach(t -> changes.add(new TagChange(t, true)));
    removed.forEach(t -> changes.add(new TagChange(t, false)));
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
      long version = expected == null ? 1 : expected + 1;
      List<Write> writes = new ArrayList<>();
      Map<String, AttributeValue> item = appUserItem(withTags(desired, tags, version));
      writes.add(expected == null ? tx.putIfAbsent(item, null) : tx.putIfVersion(item, expected));
      for (TagChange change : step) {
        Map<String, AttributeValue> member = tagMemberKey(desired.workspaceId(), change.tag(), desired.id());
        writes.add(change.added() ? tx.put(tagMemberItem(member, desired)) : tx.delete(member));
        writes.add(tx.countChange(tagCountKey(desired.workspaceId(), change.tag()), change.added() ? 1 : -1));
      }
      run(writes);
      expected = version;
    } while (done < changes.size());
  }

  @Override
  public void delete(AppUser current) {
    List<String> tags = new ArrayList<>(current.tags());
    long expected = current.version();
    // Tags go first, in steps; the app user item goes with the last step.
    int done = 0;
    do {
      List<String> step = tags.subList(done, Math.min(tags.size(), done + TAG_CHANGES_PER_TRANSACTION));
      done += step.size();
      List<Write> writes = new ArrayList<>();
      boolean last = done >= tags.size();
      SortedSet<String> remaining = new TreeSet<>(tags.subList(done, tags.size()));
      Map<String, AttributeValue> key = appUserKey(current.workspaceId(), current.id());
      writes.add(last ? tx.deleteIfVersion(key, expected)
          : tx.putIfVersion(appUserItem(withTags(current, remaining, expected + 1)), expected));
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
    } catch (VersionMismatch e) {
      throw new ConcurrentAppUserChange();
    }
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
    for (int from = 0; from < ids.size(); from += BATCH_GET) {
      List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET)).stream()
          .map(id -> appUserKey(workspaceId, id)).toList();
      Map<String, KeysAndAttributes> request = Map.of(table.tableName(), KeysAndAttributes.builder().keys(keys).build());
      while (!request.isEmpty()) {
        var batch = table.dynamo().batchGetItem(software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest.builder()
            .requestItems(request).build());
        batch.responses().getOrDefault(table.tableName(), List.of()).forEach(i -> found.put(i.get("id").s(), fromItem(i)));
        request = batch.unprocessedKeys();
      }
    }
    // A tag item whose app user is mid-deletion lists nothing rather than a half-deleted user.
    List<AppUser> users = ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    return new AppUserPage(users, lastId(response.lastEvaluatedKey(), ids.isEmpty() ? null : ids.get(ids.size() - 1)));
  }

  @Override
  public List<TagCount> tags(String workspaceId) {
    return table.dynamo().queryPaginator(b -> b.tableName(table.tableName())
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
            .expressionAttributeValues(Map.of(
                ":pk", s(KeySchema.workspacePartition(workspaceId)), ":prefix", s(KeySchema.TAG_PREFIX))))
        .items()
        .stream()
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

  private static AppUser withTags(AppUser user, SortedSet<String> tags, long version) {
    return new AppUser(user.workspaceId(), user.id(), user.connectionId(), user.scimUserId(), user.userName(),
        user.displayName(), user.email(), user.active(), tags, version);
  }

  private record TagChange(String tag, boolean added) {}

  private static Map<String, AttributeValue> appUserKey(String workspaceId, String id) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.appUserSk(id)));
  }

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

  private static Map<String, AttributeValue> appUserItem(AppUser u) {
    Map<String, AttributeValue> item = Item.of(new HashMap<>(appUserKey(u.workspaceId(), u.id())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("id", u.id())
        .put("workspaceId", u.workspaceId())
        .put("connectionId", u.connectionId())
        .put("scimUserId", u.scimUserId())
        .put("userName", u.userName())
        .put("displayName", u.displayName())
        .put("email", u.email())
        .put("active", u.active())
        .put("version", u.version())
        .values();
    if (!u.tags().isEmpty()) {
      item.put("tags", AttributeValue.fromSs(List.copyOf(u.tags())));
    }
    return item;
  }

  /** Public so the stream processor decodes the same images the store writes. */
  public static AppUser fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(values);
    AttributeValue tags = values.get("tags");
    return new AppUser(
        item.string("workspaceId"),
        item.string("id"),
        item.string("connectionId"),
        item.string("scimUserId"),
        item.string("userName"),
        item.string("displayName"),
        item.string("email"),
        item.bool("active"),
        tags == null ? new TreeSet<>() : new TreeSet<>(tags.ss()),
        item.number("version"));
  }
}
