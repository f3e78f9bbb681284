package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.n;
import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.admin.SetupLinkStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Setup links ({@code SETUP_LINK#<sha256>}) and their console sessions ({@code ADMIN_SESSION#<sha256>}),
 * each an item of its own partition, removed by TTL after it expires. A link is redeemed by one
 * conditional update, so two simultaneous first uses cannot both succeed.
 */
public final class DynamoSetupLinkStore implements SetupLinkStore {

  public static final String LINK_ENTITY = "SetupLink";
  public static final String SESSION_ENTITY = "AdminSession";

  private final TableAccess table;

  public DynamoSetupLinkStore(TableAccess table) {
    this.table = table;
  }

  @Override
  public void saveLink(String tokenHash, String workspaceId, Instant expiresAt) {
    // Audited: minting a link is the operator's change. Signing in with it (saveSession) is not.
    AuditedWrites.write(table, TransactWriteItem.builder().put(b -> b.tableName(table.tableName())
        .item(item(KeySchema.setupLinkPartition(tokenHash), KeySchema.SETUP_LINK_SK, LINK_ENTITY, workspaceId, expiresAt)))
        .build());
  }

  @Override
  public Optional<String> redeem(String tokenHash, Instant now) {
    try {
      Map<String, AttributeValue> old = table.dynamo().updateItem(b -> b.tableName(table.tableName())
          .key(Map.of(PK, s(KeySchema.setupLinkPartition(tokenHash)), SK, s(KeySchema.SETUP_LINK_SK)))
          .updateExpression("SET redeemedAt = :now")
          .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(redeemedAt) AND expiresAtMillis > :nowMillis")
          .expressionAttributeNames(Map.of("#pk", PK))
          .expressionAttributeValues(Map.of(":now", s(now.toString()), ":nowMillis", n(now.toEpochMilli())))
          .returnValues(ReturnValue.ALL_OLD)).attributes();
      return Optional.ofNullable(Item.of(old).string("workspaceId"));
    } catch (ConditionalCheckFailedException usedExpiredOrUnknown) {
      return Optional.empty();
    }
  }

  @Override
  public void saveSession(String tokenHash, String workspaceId, Instant expiresAt) {
    Map<String, AttributeValue> item =
        item(KeySchema.adminSessionPartition(tokenHash), KeySchema.ADMIN_SESSION_SK, SESSION_ENTITY, workspaceId, expiresAt);
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item));
  }

  @Override
  public Optional<String> sessionWorkspace(String tokenHash, Instant now) {
    Map<String, AttributeValue> item = table.dynamo().getItem(b -> b.tableName(table.tableName())
        .key(Map.of(PK, s(KeySchema.adminSessionPartition(tokenHash)), SK, s(KeySchema.ADMIN_SESSION_SK)))
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Item session = Item.of(item);
    // TTL deletes late (up to days): the expiry is checked here, not left to it.
    return session.number("expiresAtMillis") > now.toEpochMilli() ? Optional.of(session.string("workspaceId")) : Optional.empty();
  }

  @Override
  public void endSession(String tokenHash) {
    table.dynamo().deleteItem(b -> b.tableName(table.tableName())
        .key(Map.of(PK, s(KeySchema.adminSessionPartition(tokenHash)), SK, s(KeySchema.ADMIN_SESSION_SK))));
  }

  private static Map<String, AttributeValue> item(String pk, String sk, String entity, String workspaceId,
      Instant expiresAt) {
    return Item.create()
        .put(PK, pk)
        .put(SK, sk)
        .put(KeySchema.ENTITY, entity)
        .put("workspaceId", workspaceId)
        // Compared to the request's time in milliseconds; the TTL attribute is epoch seconds.
        .put("expiresAtMillis", expiresAt.toEpochMilli())
        .put(KeySchema.EXPIRES_AT, expiresAt.getEpochSecond())
        .values();
  }
}
