package dev.scimlambda.persistence;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.seats.SeatUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The access side of app users, the email index and the seat ledger, all in the workspace's partition. */
public final class DynamoAccountStore implements AccountStore {

  private final TableAccess table;
  private final Transactions tx;

  public DynamoAccountStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
  }

  @Override
  public Optional<String> idByEmail(String workspaceId, String emailKey) {
    return get(AccountWrites.emailKey(workspaceId, emailKey)).map(item -> item.get("appUserId").s());
  }

  @Override
  public Optional<Account> find(String workspaceId, String id) {
    return get(AccountWrites.appUserKey(workspaceId, id)).map(DynamoAccountStore::accountOf);
  }

  @Override
  public SeatUsage seats(String workspaceId) {
    return get(SeatReservation.ledgerKey(workspaceId))
        .map(item -> new SeatUsage(
            item.containsKey("used") ? Long.parseLong(item.get("used").n()) : 0,
            Item.of(item).integer("seatLimit"),
            Item.of(item).instant("lastReconciledAt"),
            item.containsKey("lastDrift") ? Long.parseLong(item.get("lastDrift").n()) : 0,
            item.containsKey(SeatReservation.LEDGER_VERSION) ? Long.parseLong(item.get(SeatReservation.LEDGER_VERSION).n()) : 0))
        .orElse(new SeatUsage(0, null));
  }

  @Override
  public long countSeatHolders(String workspaceId) {
    long holders = 0;
    Map<String, AttributeValue> after = null;
    do {
      Map<String, AttributeValue> start = after;
      QueryResponse page = table.dynamo().query(b -> b.tableName(table.tableName())
          .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
          .filterExpression("#seat = :true")
          .expressionAttributeNames(Map.of("#pk", KeySchema.PK, "#sk", KeySchema.SK, "#seat", "seat"))
          .expressionAttributeValues(Map.of(":pk", Item.s(KeySchema.workspacePartition(workspaceId)),
              ":prefix", Item.s(KeySchema.APP_USER_PREFIX), ":true", AttributeValue.fromBool(true)))
          .select(Select.COUNT)
          .consistentRead(true)
          .exclusiveStartKey(start));
      holders += page.count();
      after = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (after != null);
    return holders;
  }

  @Override
  public boolean claimReconciliation(String workspaceId, Instant now, Instant notBefore) {
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(SeatReservation.ledgerKey(workspaceId))
          .updateExpression("SET #claimed = :now")
          .conditionExpression("attribute_not_exists(#claimed) OR #claimed < :notBefore")
          .expressionAttributeNames(Map.of("#claimed", "reconciliationClaimedAt"))
          .expressionAttributeValues(Map.of(":now", Item.s(now.toString()), ":notBefore", Item.s(notBefore.toString()))));
      return true;
    } catch (ConditionalCheckFailedException recentlyDone) {
      return false;
    }
  }

  /**
   * Conditional on the ledger's version, not on {@code used}: a seat taken and another freed since
   * the read leave {@code used} as it was (ABA) but the count stale; they always move the version.
   * The repair moves it too, so two reconcilers cannot both write.
   */
  @Override
  public boolean repairSeats(String workspaceId, SeatUsage seen, long counted, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":counted", Item.n(counted),
        ":drift", Item.n(seen.used() - counted), ":now", Item.s(now.toString()), ":one", Item.n(1),
        ":seen", Item.n(seen.version())));
    String condition = seen.version() == 0 ? "attribute_not_exists(#version) OR #version = :seen" : "#version = :seen";
    try {
      table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(SeatReservation.ledgerKey(workspaceId))
          .updateExpression("SET #used = :counted, #drift = :drift, #at = :now ADD #version :one")
          .conditionExpression(condition)
          .expressionAttributeNames(Map.of("#used", "used", "#drift", "lastDrift", "#at", "lastReconciledAt",
              "#version", SeatReservation.LEDGER_VERSION))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException seatMovedMeanwhile) {
      return false;
    }
  }

  @Override
  public void apply(AccountChange change) {
    try {
      // An admin adding a person: the entry's target names the app user.
      tx.run(AccountWrites.of(tx, change), null, change.appUserId());
    } catch (UniquenessViolation | VersionMismatch e) {
      throw new ConcurrentAppUserChange();
    }
  }

  private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(key).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** The account held on an app user item; null when the item predates accounts. */
  static Account accountOf(Map<String, AttributeValue> values) {
    if (!values.containsKey("accessVersion")) {
      return null;
    }
    Item item = Item.of(values);
    AttributeValue identities = values.get("identities");
    AttributeValue active = values.get("activeIdentities");
    AttributeValue denied = values.get("deniedIdentities");
    return new Account(
        item.string("workspaceId"),
        item.string("id"),
        item.string("email"),
        item.string("emailKey"),
        identities == null ? new TreeSet<>() : new TreeSet<>(identities.ss()),
        active == null ? new TreeSet<>() : new TreeSet<>(active.ss()),
        denied == null ? new TreeSet<>() : new TreeSet<>(denied.ss()),
        item.bool("sso"),
        item.bool("scimManaged"),
        item.bool("seat"),
        item.instant("deprovisionedAt"),
        item.number("accessVersion"));
  }
}
