package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.persistence.Transactions.UpdateSpec;
import dev.scimlambda.persistence.Transactions.Write;
import dev.scimlambda.scim.resource.UniquenessViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The transaction actions of an {@link AccountChange}: the app user's access attributes, the
 * email index claim and release, and the seat ledger's action ({@link SeatReservation}). Only the access attributes are set, so the
 * profile and tags the stream handler keeps on the same item are never overwritten.
 */
final class AccountWrites {

  private AccountWrites() {}

  static List<Write> of(Transactions tx, AccountChange change) {
    List<Write> writes = new ArrayList<>();
    Account after = change.after();
    String ws = after.workspaceId();
    writes.add(tx.update(account(change), null));
    if (change.claimEmail() != null) {
      Map<String, AttributeValue> claim = new HashMap<>(emailKey(ws, change.claimEmail()));
      claim.put(KeySchema.ENTITY, s("EmailIndex"));
      claim.put("appUserId", s(after.id()));
      writes.add(tx.putIfAbsent(claim, UniquenessViolation.EMAIL));
    }
    if (change.releaseEmail() != null) {
      writes.add(tx.deleteIf(emailKey(ws, change.releaseEmail()), "#appUserId = :me",
          Map.of("#appUserId", "appUserId"), Map.of(":me", s(after.id()))));
    }
    if (change.seatDelta() > 0) {
      writes.add(SeatReservation.take(tx, ws));
    } else if (change.seatDelta() < 0) {
      writes.add(SeatReservation.free(tx, ws));
    }
    return writes;
  }

  private static UpdateSpec account(AccountChange change) {
    Account a = change.after();
    UpdateBuilder update = new UpdateBuilder(appUserKey(a.workspaceId(), a.id()))
        .set(KeySchema.ENTITY, s(DynamoAppUserStore.ENTITY))
        .set("id", s(a.id()))
        .set("workspaceId", s(a.workspaceId()))
        .set("email", a.email() == null ? null : s(a.email()))
        .set("emailKey", a.emailKey() == null ? null : s(a.emailKey()))
        .set("identities", a.identities().isEmpty() ? null : AttributeValue.fromSs(List.copyOf(a.identities())))
        .set("activeIdentities",
            a.activeIdentities().isEmpty() ? null : AttributeValue.fromSs(List.copyOf(a.activeIdentities())))
        .set("deniedIdentities",
            a.deniedIdentities().isEmpty() ? null : AttributeValue.fromSs(List.copyOf(a.deniedIdentities())))
        .set("sso", AttributeValue.fromBool(a.sso()))
        .set("scimManaged", AttributeValue.fromBool(a.scimManaged()))
        .set("seat", AttributeValue.fromBool(a.seat()))
        .set("deprovisionedAt", a.deprovisionedAt() == null ? null : s(a.deprovisionedAt().toString()))
        .set("accessVersion", Item.n(a.accessVersion()))
        // The stream handler's tag writes are conditional on version; it must exist from the start.
        .setIfAbsent("version", Item.n(0));
    if (change.registeredName() != null) {
      update.setIfAbsent("displayName", s(change.registeredName()));
    }
    if (change.before() == null) {
      // Items from before accounts existed carry a profile but no access attributes yet.
      update.condition("attribute_not_exists(#pk) OR attribute_not_exists(#accessVersion)", Map.of("#pk", PK), Map.of());
    } else {
      update.condition("#accessVersion = :expectedAccess", Map.of(),
          Map.of(":expectedAccess", Item.n(change.before().accessVersion())));
    }
    return update.build();
  }

  static Map<String, AttributeValue> appUserKey(String workspaceId, String id) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.appUserSk(id)));
  }

  static Map<String, AttributeValue> emailKey(String workspaceId, String emailKey) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.emailSk(emailKey)));
  }
}
