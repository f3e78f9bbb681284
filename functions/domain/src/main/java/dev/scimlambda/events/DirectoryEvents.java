package dev.scimlambda.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Derives directory events from the before and after images of one item change; {@code null}
 * stands for "no image" (before a create, after a delete). A change that alters nothing a consumer
 * can see (a version bump, a member count) yields no event.
 */
public final class DirectoryEvents {

  private static final ObjectNode NO_DOCUMENT = ScimJson.MAPPER.createObjectNode();

  private DirectoryEvents() {}

  public static Optional<DirectoryEvent> user(ChangeContext context, UserSnapshot before, UserSnapshot after) {
    UserSnapshot current = after != null ? after : before;
    EventType type = userEventType(before, after);
    ObjectNode data = ScimJson.MAPPER.createObjectNode();
    data.put("appUserId", current.appUserId() != null ? current.appUserId() : current.id());
    data.set("user", withId(current.document(), current.id()));
    return changes(data, before == null ? null : before.document(), after == null ? null : after.document())
        .map(d -> event(context, type, "users/" + current.id(), d));
  }

  /**
   * The type of a user change's event, should it alter anything visible: created, deleted,
   * deactivated and reactivated always do.
   */
  public static EventType userEventType(UserSnapshot before, UserSnapshot after) {
    if (before == null) {
      return EventType.USER_CREATED;
    } else if (after == null) {
      return EventType.USER_DELETED;
    } else if (before.active() && !after.active()) {
      return EventType.USER_DEACTIVATED;
    } else if (!before.active() && after.active()) {
      return EventType.USER_REACTIVATED;
    }
    return EventType.USER_UPDATED;
  }

  public static Optional<DirectoryEvent> group(ChangeContext context, GroupSnapshot before, GroupSnapshot after) {
    GroupSnapshot current = after != null ? after : before;
    EventType type =
        before == null ? EventType.GROUP_CREATED : after == null ? EventType.GROUP_DELETED : EventType.GROUP_UPDATED;
    ObjectNode data = ScimJson.MAPPER.createObjectNode();
    data.set("group", withId(current.document(), current.id()));
    return changes(data, before == null ? null : before.document(), after == null ? null : after.document())
        .map(d -> event(context, type, "groups/" + current.id(), d));
  }

  /** Only users joining or leaving count; nested groups and a changed {@code display} are not events. */
  public static Optional<DirectoryEvent> membership(
      ChangeContext context, MembershipSnapshot before, MembershipSnapshot after) {
    if ((before == null) == (after == null)) {
      return Optional.empty();
    }
    MembershipSnapshot membership = after != null ? after : before;
    if (!membership.isUser()) {
      return Optional.empty();
    }
    ObjectNode data = ScimJson.MAPPER.createObjectNode();
    data.put("appUserId", membership.appUserId() != null ? membership.appUserId() : membership.memberId());
    data.putObject("group").put("id", membership.groupId());
    ObjectNode user = data.putObject("user").put("id", membership.memberId());
    if (membership.display() != null) {
      user.put("display", membership.display());
    }
    EventType type = after != null ? EventType.GROUP_USER_ADDED : EventType.GROUP_USER_REMOVED;
    return Optional.of(event(context, type, "groups/" + membership.groupId(), data));
  }

  /**
   * The lifecycle of a directory connection: created, activated (its IdP's first authenticated
   * request), secret rotated, deleted (marked deleted, or its item removed while still active). Name
   * changes and later requests are not events. The data names the connection, never its secret.
   */
  public static List<DirectoryEvent> connection(ChangeContext context, ConnectionSnapshot before, ConnectionSnapshot after) {
    ConnectionSnapshot current = after != null ? after : before;
    List<EventType> types = new ArrayList<>();
    if (before == null) {
      types.add(EventType.CONNECTION_CREATED);
    } else if (before.deletedAt() == null && (after == null || after.deletedAt() != null)) {
      types.add(EventType.CONNECTION_DELETED);
    } else if (after != null && after.deletedAt() == null) {
      if (before.lastRequestAt() == null && after.lastRequestAt() != null) {
        types.add(EventType.CONNECTION_ACTIVATED);
      }
      if (!before.secretVersion().equals(after.secretVersion())) {
        types.add(EventType.CONNECTION_SECRET_ROTATED);
      }
    }
    return types.stream()
        .map(type -> event(context, type, "connections/" + current.id(), connectionData(type, current)))
        .toList();
  }

  private static ObjectNode connectionData(EventType type, ConnectionSnapshot connection) {
    ObjectNode data = ScimJson.MAPPER.createObjectNode();
    ObjectNode about = data.putObject("connection");
    about.put("id", connection.id());
    about.put("name", connection.name());
    about.put("type", connection.type());
    if (type == EventType.CONNECTION_ACTIVATED) {
      data.put("firstRequestAt", connection.lastRequestAt().toString());
    } else if (type == EventType.CONNECTION_SECRET_ROTATED && connection.previousSecretValidUntil() != null) {
      data.put("previousSecretValidUntil", connection.previousSecretValidUntil().toString());
    }
    return data;
  }

  /**
   * Adds {@code changedFields} (top-level attributes that differ) and, for an update,
   * {@code previous} (their earlier values, {@code null} where absent); empty when an update changed
   * no attribute.
   */
  private static Optional<ObjectNode> changes(ObjectNode data, ObjectNode before, ObjectNode after) {
    ObjectNode old = before == null ? NO_DOCUMENT : before;
    ObjectNode current = after == null ? NO_DOCUMENT : after;
    SortedSet<String> changed = new TreeSet<>();
    collectDifferingFields(old, current, changed);
    collectDifferingFields(current, old, changed);
    if (before != null && after != null && changed.isEmpty()) {
      return Optional.empty();
    }
    changed.forEach(data.putArray("changedFields")::add);
    if (before != null && after != null) {
      ObjectNode previous = data.putObject("previous");
      changed.forEach(field -> previous.set(field, old.has(field) ? old.get(field) : NullNode.getInstance()));
    }
    return Optional.of(data);
  }

  private static void collectDifferingFields(ObjectNode from, ObjectNode other, SortedSet<String> into) {
    for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = from.get(name);
      if (!value.equals(other.get(name))) {
        into.add(name);
      }
    }
  }

  private static ObjectNode withId(ObjectNode document, String id) {
    ObjectNode copy = document.deepCopy();
    copy.put("id", id);
    return copy;
  }

  private static DirectoryEvent event(ChangeContext context, EventType type, String subject, ObjectNode data) {
    return new DirectoryEvent(eventId(context.recordId(), type), context.source(), type, context.occurredAt(), subject,
        context.workspaceId(), context.connectionId(), data);
  }

  /** A function of the stream record and the type only, so a replayed record yields the same id. */
  static String eventId(String recordId, EventType type) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((recordId + "|" + type.wireName()).getBytes(StandardCharsets.UTF_8));
      return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
