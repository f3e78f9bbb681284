package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.access.AccessGroups;
import dev.scimlambda.access.ConnectionAccess;
import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.AttributeChange;
import dev.scimlambda.activity.ResourceRevision;
import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.directorysync.ConnectionSyncState;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.events.Webhook;
import dev.scimlambda.mapping.ConnectionMappings;
import dev.scimlambda.mapping.CustomField;
import dev.scimlambda.mapping.TargetGroups;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

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
    identity.put("sessionDurationHours", settings.sessionDuration().toHours());
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
    node.put("mode", c.type().pull() ? "pull" : "push");
    node.put("status", c.isDeleted() ? "deleted" : "active");
    if (!c.type().pull()) {
      node.put("scimBaseUrl", scimBaseUrl);
    }
    putInstant(node, "createdAt", c.createdAt());
    putInstant(node, "lastRequestAt", c.lastRequestAt());
    putInstant(node, "previousSecretValidUntil", c.previousSecretValidUntil());
    putInstant(node, "deletedAt", c.deletedAt());
    return node;
  }

  /** A pull connection's view: the connection's, with its Directory Sync settings and last run. */
  static ObjectNode pullConnection(DirectorySyncConnections.PullConnection pull) {
    ObjectNode node = connection(pull.connection(), null);
    node.set("directorySync", directorySync(pull.state(), pull.lastRun()));
    return node;
  }

  static ObjectNode directorySync(ConnectionSyncState state, SyncRun lastRun) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    if (state.selection().isAll()) {
      node.put("groups", "all");
    } else {
      ArrayNode groups = node.putArray("groups");
      state.selection().groupIds().stream().sorted().forEach(groups::add);
    }
    node.put("syncInterval", state.interval().toString());
    putInstant(node, "credentialsUpdatedAt", state.credentialsUpdatedAt());
    putInstant(node, "nextRunAfter", state.nextRunAt());
    if (lastRun == null) {
      node.putNull("lastRun");
    } else {
      node.set("lastRun", syncRun(lastRun));
    }
    return node;
  }

  static ObjectNode syncRun(SyncRun run) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("id", run.id());
    node.put("connectionId", run.connectionId());
    node.put("status", run.status().wireName());
    node.put("kind", run.kind().wireName());
    node.put("trigger", run.trigger().wireName());
    node.put("phase", run.phase().wireName());
    node.put("added", run.counts().added());
    node.put("updated", run.counts().updated());
    node.put("deactivated", run.counts().deactivated());
    node.put("failed", run.counts().failed());
    if (run.lastError() == null) {
      node.putNull("lastError");
    } else {
      node.put("lastError", run.lastError());
    }
    putInstant(node, "startedAt", run.startedAt());
    if (run.finishedAt() == null) {
      node.putNull("finishedAt");
    } else {
      putInstant(node, "finishedAt", run.finishedAt());
    }
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
    String denial = account == null ? null : account.denial();
    node.putObject("access").put("granted", account != null && denial == null).put("reason", denial);
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
    putFields(node.putObject("profile"), u.profile().fields());
    putFields(node.putObject("customFields"), u.profile().customFields());
    return node;
  }

  static ObjectNode accessGroups(ConnectionAccess.View view) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    AccessGroups accessGroups = view.accessGroups();
    node.put("connectionId", accessGroups.connectionId());
    node.put("restricted", accessGroups.restricts());
    ArrayNode groups = node.putArray("groups");
    accessGroups.groups().forEach(groups::add);
    ArrayNode unmatched = node.putArray("unmatched");
    view.unmatched().forEach(unmatched::add);
    putInstant(node, "updatedAt", accessGroups.updatedAt());
    return node;
  }

  static ObjectNode webhook(Webhook w) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("url", w.url());
    node.put("enabled", w.enabled());
    if (w.previousSecretExpiresAt() != null) {
      putInstant(node, "previousSecretExpiresAt", w.previousSecretExpiresAt());
    }
    putInstant(node, "createdAt", w.createdAt());
    putInstant(node, "updatedAt", w.updatedAt());
    return node;
  }

  /**
   * One activity entry. {@code changes} is null where nothing was derived (reads, failures, and
   * writes whose revision the stream processor has not stored yet); an empty list is a write that
   * changed nothing.
   */
  static ObjectNode activity(ActivityEntry e) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    putInstant(node, "at", e.at());
    node.put("requestId", e.requestId());
    node.put("operation", e.operation());
    node.put("method", e.method());
    node.put("resourceType", e.resourceType());
    node.put("resourceId", e.resourceId());
    node.put("status", e.status());
    node.put("outcome", e.outcome());
    node.put("scimType", e.scimType());
    node.put("detail", e.detail());
    node.put("latencyMs", e.latencyMs());
    node.put("userAgent", e.userAgent());
    ResourceRevision revision = e.revision();
    if (revision == null) {
      node.putNull("changes");
    } else {
      ArrayNode changes = node.putArray("changes");
      for (AttributeChange change : revision.changes()) {
        ObjectNode item = changes.addObject().put("path", change.path()).put("op", change.op());
        item.set("from", change.from());
        item.set("to", change.to());
      }
      node.put("changesTruncated", revision.truncated());
    }
    return node;
  }

  static ObjectNode customField(CustomField f) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("key", f.key());
    node.put("label", f.label());
    node.put("type", f.type().wireName());
    putInstant(node, "createdAt", f.createdAt());
    return node;
  }

  /**
   * A connection's effective mapping: every mapped field with the paths in effect and whether they
   * are the IdP type's default, the target groups, and the re-application still running.
   */
  static ObjectNode mapping(ConnectionMappings.View view) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("connectionId", view.connection().id());
    node.put("idpType", view.connection().type().wireName());
    ObjectNode attributes = node.putObject("attributes");
    view.sources().forEach((field, source) -> {
      ObjectNode entry = attributes.putObject(field);
      ArrayNode paths = entry.putArray("paths");
      source.paths().forEach(paths::add);
      entry.put("type", source.type().wireName());
      entry.put("default", source.isDefault());
      entry.put("required", source.required());
      ArrayNode suggested = entry.putArray("suggested");
      source.suggested().forEach(suggested::add);
    });
    TargetGroups groups = view.mapping().targetGroups();
    node.putObject("targetGroup")
        .put("default", groups.defaultGroup())
        .put("groupBy", groups.groupBy())
        .put("tagPrefix", view.tagPrefix());
    node.put("version", view.mapping().version());
    putInstant(node, "updatedAt", view.mapping().updatedAt());
    view.reapplying().ifPresentOrElse(
        job -> node.putObject("reapplying").put("usersDone", job.usersDone()).put("startedAt", job.startedAt().toString()),
        () -> node.putNull("reapplying"));
    return node;
  }

  private static void putFields(ObjectNode node, Map<String, Object> fields) {
    fields.forEach((key, value) -> {
      if (value instanceof BigDecimal number) {
        node.put(key, number);
      } else if (value instanceof Boolean bool) {
        node.put(key, bool);
      } else {
        node.put(key, value.toString());
      }
    });
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.toString());
    }
  }
}
