package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import java.time.Instant;

/** The admin API's JSON views. Secrets are never part of a view; they are added only where issued. */
final class AdminJson {

  private AdminJson() {}

  static ObjectNode workspace(Workspace w) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("id", w.id());
    node.put("name", w.name());
    if (w.seatLimit() == null) {
      node.putNull("seatLimit");
    } else {
      node.put("seatLimit", w.seatLimit());
    }
    IdentitySettings settings = w.identitySettings();
    ObjectNode identity = node.putObject("identitySettings");
    identity.put("sessionDuration", settings.sessionDuration().toString());
    putInstant(identity, "sessionsValidAfter", settings.sessionsValidAfter());
    identity.put("revokeSessionsOnDeprovision", settings.revokeSessionsOnDeprovision());
    putInstant(node, "createdAt", w.createdAt());
    putInstant(node, "updatedAt", w.updatedAt());
    return node;
  }

  static ObjectNode connection(Connection c, String scimBaseUrl) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("id", c.id());
    node.put("workspaceId", c.workspaceId());
    node.put("name", c.name());
    node.put("type", c.type().wireName());
    node.put("typeName", c.type().displayName());
    node.put("status", c.isDeleted() ? "deleted" : "active");
    node.put("scimBaseUrl", scimBaseUrl);
    putInstant(node, "createdAt", c.createdAt());
    putInstant(node, "lastRequestAt", c.lastRequestAt());
    putInstant(node, "previousSecretValidUntil", c.previousSecretValidUntil());
    putInstant(node, "deletedAt", c.deletedAt());
    return node;
  }

  /** A person: both sources (SSO registration, SCIM identities) show, so an admin sees a dedup happened. */
  static ObjectNode appUser(AppUser u) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("id", u.id());
    node.put("workspaceId", u.workspaceId());
    Account account = u.account();
    node.put("email", account == null ? null : account.email());
    node.put("userName", u.userName());
    node.put("displayName", u.displayName());
    node.put("active", account != null && account.active());
    node.put("seat", account != null && account.seat());
    putInstant(node, "deprovisionedAt", account == null ? null : account.deprovisionedAt());
    ArrayNode sources = node.putArray("sources");
    if (account != null && account.sso()) {
      sources.addObject().put("type", "sso");
    }
    if (account != null) {
      for (String identity : account.identities()) {
        int slash = identity.indexOf('/');
        sources.addObject().put("type", "scim")
            .put("connectionId", identity.substring(0, slash))
            .put("scimUserId", identity.substring(slash + 1));
      }
    }
    ArrayNode tags = node.putArray("tags");
    u.tags().forEach(tags::add);
    return node;
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.toString());
    }
  }
}
