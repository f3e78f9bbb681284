package dev.scimlambda.persistence;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    return get(AccountWrites.seatsKey(workspaceId))
        .map(item -> new SeatUsage(
            item.containsKey("used") ? Long.parseLong(item.get("used").n()) : 0,
            Item.of(item).integer("seatLimit")))
        .orElse(new SeatUsage(0, null));
  }

  @Override
  public void apply(AccountChange change) {
    try {
      tx.run(AccountWrites.of(tx, change));
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
    return new Account(
        item.string("workspaceId"),
        item.string("id"),
        item.string("email"),
        item.string("emailKey"),
        identities == null ? new TreeSet<>() : new TreeSet<>(identities.ss()),
        active == null ? new TreeSet<>() : new TreeSet<>(active.ss()),
        item.bool("sso"),
        item.bool("scimManaged"),
        item.bool("seat"),
        item.instant("deprovisionedAt"),
        item.number("accessVersion"));
  }
}
