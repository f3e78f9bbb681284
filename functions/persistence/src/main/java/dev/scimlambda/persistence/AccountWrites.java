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
 * email index claim and release, and the seat ledger. Only the access attributes are set, so the
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
      writes.add(tx.update(new UpdateSpec(seatsKey(ws), "ADD #used :one",
          "attribute_not_exists(#limit) OR (attribute_not_exists(#used) AND #limit > :zero) OR #used < #limit",
          Map.of("#used", "used", "#limit", "seatLimit"), Map.of(":one", Item.n(1), ":zero", Item.n(0))),
          Transactions.SEAT_LEDGER));
    } else if (change.seatDelta() < 0) {
      writes.add(tx.update(new UpdateSpec(seatsKey(ws), "ADD #used :minus", null,
          Map.of("#used", "used"), Map.of(":minus", Item.n(-1))), null));
    }
    return writes;
  }

  private static UpdateSpec account(AccountChange change) {
    Account a = change.after();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    assign(set, remove, names, values, KeySchema.ENTITY, s(DynamoAppUserStore.ENTITY));
    assign(set, remove, names, values, "id", s(a.id()));
    assign(set, remove, names, values, "workspaceId", s(a.workspaceId()));
    assign(set, remove, names, values, "email", a.email() == null ? null : s(a.email()));
    assign(set, remove, names, values, "emailKey", a.emailKey() == null ? null : s(a.emailKey()));
    assign(set, remove, names, values, "identities",
        a.identities().isEmpty() ? null : AttributeValue.fromSs(List.copyOf(a.identities())));
    assign(set, remove, names, values, "activeIdentities",
        a.activeIdentities().isEmpty() ? null : AttributeValue.fromSs(List.copyOf(a.activeIdentities())));
    assign(set, remove, names, values, "sso", AttributeValue.fromBool(a.sso()));
    assign(set, remove, names, values, "scimManaged", AttributeValue.fromBool(a.scimManaged()));
    assign(set, remove, names, values, "seat", AttributeValue.fromBool(a.seat()));
    assign(set, remove, names, values, "deprovisionedAt",
        a.deprovisionedAt() == null ? null : s(a.deprovisionedAt().toString()));
    assign(set, remove, names, values, "accessVersion", Item.n(a.accessVersion()));
    if (change.registeredName() != null) {
      names.put("#displayName", "displayName");
      values.put(":registeredName", s(change.registeredName()));
      set.add("#displayName = if_not_exists(#displayName, :registeredName)");
    }
    // The stream handler's tag writes are conditional on version; it must exist from the start.
    names.put("#version", "version");
    values.put(":zeroVersion", Item.n(0));
    set.add("#version = if_not_exists(#version, :zeroVersion)");
    String condition;
    if (change.before() == null) {
      names.put("#pk", PK);
      // Items from before accounts existed carry a profile but no access attributes yet.
      condition = "attribute_not_exists(#pk) OR attribute_not_exists(#accessVersion)";
    } else {
      condition = "#accessVersion = :expectedAccess";
      values.put(":expectedAccess", Item.n(change.before().accessVersion()));
    }
    String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    return new UpdateSpec(appUserKey(a.workspaceId(), a.id()), expression, condition, names, values);
  }

  private static void assign(List<String> set, List<String> remove, Map<String, String> names,
      Map<String, AttributeValue> values, String attribute, AttributeValue value) {
    String name = "#" + attribute;
    names.put(name, attribute);
    if (value == null) {
      remove.add(name);
    } else {
      values.put(":" + attribute, value);
      set.add(name + " = :" + attribute);
    }
  }

  static Map<String, AttributeValue> appUserKey(String workspaceId, String id) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.appUserSk(id)));
  }

  static Map<String, AttributeValue> emailKey(String workspaceId, String emailKey) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.emailSk(emailKey)));
  }

  static Map<String, AttributeValue> seatsKey(String workspaceId) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.SEATS_SK));
  }
}
