package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.scim.users.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.persistence.Transactions.Write;

/**
 * SCIM users in their connection's partition: the user item, guard items that make userName and
 * externalId unique, lookup items for emails, and the connection's user count, all written in one
 * transaction so the indexes never disagree with the users.
 */
public final class DynamoUserStore implements UserStore {

  public static final String ENTITY = "User";
  static final int TRANSACTION_ATTEMPTS = Transactions.TRANSACTION_ATTEMPTS;

  private final TableAccess table;
  private final Transactions tx;

  public DynamoUserStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
  }

  @Override
  public void create(ScimUser user, AccountChange account) {
    List<Write> writes = new ArrayList<>();
    writes.add(putIfAbsent(userItem(user), null));
    writes.addAll(guardPuts(user, user.userNameKey(), user.externalId()));
    user.emailKeys().forEach(email -> writes.add(put(emailItem(user, email))));
    writes.add(countChange(user.connectionId(), 1));
    if (account != null) {
      writes.addAll(AccountWrites.of(tx, account));
    }
    transact(writes);
  }

  @Override
  public Optional<ScimUser> find(String connectionId, String id) {
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(userKey(connectionId, id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public void replace(ScimUser previous, ScimUser updated, AccountChange account) {
    List<Write> writes = new ArrayList<>();
    writes.add(putIfVersion(userItem(updated), previous.version()));
    String connection = previous.connectionId();
    if (!previous.userNameKey().equals(updated.userNameKey())) {
      writes.add(delete(key(connection, KeySchema.userNameGuard(previous.userNameKey()))));
      writes.addAll(guardPuts(updated, updated.userNameKey(), null));
    }
    if (!Objects.equals(previous.externalId(), updated.externalId())) {
      if (previous.externalId() != null) {
        writes.add(delete(key(connection, KeySchema.userExternalIdGuard(previous.externalId()))));
      }
      if (updated.externalId() != null) {
        writes.addAll(guardPuts(updated, null, updated.externalId()));
      }
    }
    Set<String> removed = new TreeSet<>(previous.emailKeys());
    removed.removeAll(updated.emailKeys());
    Set<String> added = new TreeSet<>(updated.emailKeys());
    added.removeAll(previous.emailKeys());
    removed.forEach(email -> writes.add(delete(key(connection, KeySchema.userEmailIndex(email, previous.id())))));
    added.forEach(email -> writes.add(put(emailItem(updated, email))));
    if (account != null) {
      writes.addAll(AccountWrites.of(tx, account));
    }
    if (writes.size() == 1) {
      // No guard, email or account moves: one conditional put, not a transaction (half the units).
      replaceItem(previous, updated);
      return;
    }
    transact(writes);
  }

  private void replaceItem(ScimUser previous, ScimUser updated) {
    try {
      table.dynamo().putItem(b -> b.tableName(table.tableName()).item(userItem(updated))
          .conditionExpression("#version = :expected")
          .expressionAttributeNames(Map.of("#version", "version"))
          .expressionAttributeValues(Map.of(":expected", Item.n(previous.version()))));
    } catch (ConditionalCheckFailedException e) {
      throw new VersionMismatch();
    }
  }

  @Override
  public void delete(ScimUser current, AccountChange account) {
    String connection = current.connectionId();
    List<Write> writes = new ArrayList<>();
    writes.add(deleteIfVersion(userKey(connection, current.id()), current.version()));
    writes.add(delete(key(connection, KeySchema.userNameGuard(current.userNameKey()))));
    if (current.externalId() != null) {
      writes.add(delete(key(connection, KeySchema.userExternalIdGuard(current.externalId()))));
    }
    current.emailKeys().forEach(email -> writes.add(delete(key(connection, KeySchema.userEmailIndex(email, current.id())))));
    writes.add(countChange(connection, -1));
    if (account != null) {
      writes.addAll(AccountWrites.of(tx, account));
    }
    transact(writes);
  }

  @Override
  public Optional<String> findId(String connectionId, LookupKey lookup, String normalisedValue) {
    String sk = switch (lookup) {
      case USER_NAME -> KeySchema.userNameGuard(normalisedValue);
      case EXTERNAL_ID -> KeySchema.userExternalIdGuard(normalisedValue);
    };
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(key(connectionId, sk)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("userId").s());
  }

  @Override
  public List<String> findIdsByEmail(String connectionId, String emailKey) {
    return table
        .itemsWithPrefix(KeySchema.connectionPartition(connectionId), KeySchema.userEmailIndexPrefix(emailKey), true)
        .map(item -> item.get("userId").s())
        .toList();
  }

  @Override
  public UserPage page(String connectionId, String afterId, int limit) {
    Map<String, AttributeValue> start = afterId == null ? null : userKey(connectionId, afterId);
    var response = table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(
            ":pk", s(KeySchema.connectionPartition(connectionId)), ":prefix", s(KeySchema.USER_PREFIX)))
        .exclusiveStartKey(start)
        .limit(limit)
        .consistentRead(true));
    List<ScimUser> users = response.items().stream().map(DynamoUserStore::fromItem).toList();
    boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    return new UserPage(users, more && !users.isEmpty() ? users.get(users.size() - 1).id() : null);
  }

  @Override
  public long count(String connectionId) {
    Map<String, AttributeValue> item = table.dynamo()
        .getItem(b -> b.tableName(table.tableName())
            .key(key(connectionId, KeySchema.USER_COUNT_SK))
            .consistentRead(true))
        .item();
    return item == null || !item.containsKey("count") ? 0 : Long.parseLong(item.get("count").n());
  }

  private List<Write> guardPuts(ScimUser user, String userNameKey, String externalId) {
    List<Write> writes = new ArrayList<>();
    if (userNameKey != null) {
      writes.add(putIfAbsent(guardItem(user, KeySchema.userNameGuard(userNameKey)), "userName"));
    }
    if (externalId != null) {
      writes.add(putIfAbsent(guardItem(user, KeySchema.userExternalIdGuard(externalId)), "externalId"));
    }
    return writes;
  }

  private Write countChange(String connectionId, int delta) {
    return tx.countChange(key(connectionId, KeySchema.USER_COUNT_SK), delta);
  }

  private static Map<String, AttributeValue> key(String connectionId, String sk) {
    return Map.of(PK, s(KeySchema.connectionPartition(connectionId)), SK, s(sk));
  }

  private static Map<String, AttributeValue> userKey(String connectionId, String id) {
    return key(connectionId, KeySchema.userSk(id));
  }

  private static Map<String, AttributeValue> guardItem(ScimUser user, String sk) {
    Map<String, AttributeValue> item = new HashMap<>(key(user.connectionId(), sk));
    item.put(KeySchema.ENTITY, s("UserGuard"));
    item.put("userId", s(user.id()));
    return item;
  }

  private static Map<String, AttributeValue> emailItem(ScimUser user, String emailKey) {
    Map<String, AttributeValue> item = new HashMap<>(key(user.connectionId(), KeySchema.userEmailIndex(emailKey, user.id())));
    item.put(KeySchema.ENTITY, s("UserEmail"));
    item.put("userId", s(user.id()));
    return item;
  }

  private static Map<String, AttributeValue> userItem(ScimUser u) {
    Item item = Item.of(new HashMap<>(userKey(u.connectionId(), u.id())))
        .put(KeySchema.ENTITY, ENTITY)
        .put("id", u.id())
        .put("connectionId", u.connectionId())
        .put("document", u.document().toString())
        .put("userNameKey", u.userNameKey())
        .put("externalId", u.externalId())
        .put("active", u.active())
        .put("created", u.created())
        .put("lastModified", u.lastModified())
        .put("version", u.version())
        .put("appUserId", u.appUserId());
    if (!u.emailKeys().isEmpty()) {
      item.values().put("emailKeys", AttributeValue.fromSs(List.copyOf(u.emailKeys())));
    }
    return item.values();
  }

  /** Also how {@link ItemChanges} decodes stream images: one reading of the item for both. */
  static ScimUser fromItem(Map<String, AttributeValue> values) {
    Item item = Item.of(values);
    AttributeValue emails = values.get("emailKeys");
    try {
      return new ScimUser(
          item.string("connectionId"),
          item.string("id"),
          (ObjectNode) ScimJson.MAPPER.readTree(item.string("document")),
          item.string("userNameKey"),
          item.string("externalId"),
          emails == null ? Set.of() : Set.copyOf(new HashSet<>(emails.ss())),
          item.bool("active"),
          item.instant("created"),
          item.instant("lastModified"),
          item.number("version"),
          item.string("appUserId"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored user document is not JSON", e);
    }
  }

  private Write put(Map<String, AttributeValue> item) {
    return tx.put(item);
  }

  private Write putIfAbsent(Map<String, AttributeValue> item, String guardOf) {
    return tx.putIfAbsent(item, guardOf);
  }

  private Write putIfVersion(Map<String, AttributeValue> item, long expectedVersion) {
    return tx.putIfVersion(item, expectedVersion);
  }

  private Write delete(Map<String, AttributeValue> key) {
    return tx.delete(key);
  }

  private Write deleteIfVersion(Map<String, AttributeValue> key, long expectedVersion) {
    return tx.deleteIfVersion(key, expectedVersion);
  }

  private void transact(List<Write> writes) {
    tx.run(writes);
  }
}
