package dev.scimlambda.persistence;

import dev.scimlambda.access.AccessGroups;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.tags.TagRefreshJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns one change of the table (the item's image before and after, either empty) into a typed
 * change, so the stream processor reads what changed without knowing how items are laid out. In
 * every change, {@code before} is null for a creation and {@code after} for a removal.
 */
public final class ItemChanges {

  private ItemChanges() {}

  /** One change of an item, typed by the entity the item holds. */
  public sealed interface ItemChange
      permits UserChanged, GroupChanged, MembershipChanged, ConnectionChanged, TagRefreshJobChanged,
          AccessGroupsChanged, AppUserChanged, OtherChange {}

  /** A SCIM user was created, replaced, patched or deleted. */
  public record UserChanged(ScimUser before, ScimUser after) implements ItemChange {
    /** The user as it is now, or as it was when it was removed. */
    public ScimUser current() {
      return after != null ? after : before;
    }
  }

  /** A group was created, updated or deleted. */
  public record GroupChanged(ScimGroup before, ScimGroup after) implements ItemChange {}

  /** A member joined ({@code before} null) or left ({@code after} null) a group of a connection. */
  public record MembershipChanged(String connectionId, String groupId, Member before, Member after)
      implements ItemChange {
    public Member current() {
      return after != null ? after : before;
    }
  }

  /** A directory connection was created, changed (rotation, deletion mark, last request) or removed. */
  public record ConnectionChanged(Connection before, Connection after) implements ItemChange {
    public Connection current() {
      return after != null ? after : before;
    }
  }

  /** A tag refresh job was written; {@code after} is null when the job item was removed. */
  public record TagRefreshJobChanged(TagRefreshJob after) implements ItemChange {}

  /** A connection's access groups were saved; {@code after} is null when the item was removed. */
  public record AccessGroupsChanged(AccessGroups after) implements ItemChange {}

  /** A person in a workspace changed; seats are null where the image is missing or has none. */
  public record AppUserChanged(String workspaceId, Boolean seatBefore, Boolean seatAfter) implements ItemChange {}

  /** An item of an entity no typed change covers (guards, counts, cursors, logs). */
  public record OtherChange(String entity) implements ItemChange {}

  /**
   * Whose item changed, read from the small attributes alone: enough to log or park a record whose
   * images cannot be decoded. Absent values are empty strings.
   */
  public record ItemOwner(String entity, String workspaceId, String connectionId) {}

  public static ItemChange of(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    Map<String, AttributeValue> before = oldImage == null ? Map.of() : oldImage;
    Map<String, AttributeValue> after = newImage == null ? Map.of() : newImage;
    Map<String, AttributeValue> image = after.isEmpty() ? before : after;
    String entity = string(image, KeySchema.ENTITY);
    return switch (entity == null ? "" : entity) {
      case DynamoUserStore.ENTITY ->
          new UserChanged(decode(before, DynamoUserStore::fromItem), decode(after, DynamoUserStore::fromItem));
      case DynamoGroupStore.ENTITY ->
          new GroupChanged(decode(before, DynamoGroupStore::fromItem), decode(after, DynamoGroupStore::fromItem));
      case DynamoGroupStore.MEMBER_ENTITY -> new MembershipChanged(string(image, "connectionId"),
          string(image, "groupId"), decode(before, DynamoGroupStore::memberFromItem),
          decode(after, DynamoGroupStore::memberFromItem));
      case DynamoConnectionStore.ENTITY -> new ConnectionChanged(
          decode(before, DynamoConnectionStore::fromItem), decode(after, DynamoConnectionStore::fromItem));
      case DynamoTagRefreshJobStore.ENTITY -> new TagRefreshJobChanged(decode(after, DynamoTagRefreshJobStore::fromItem));
      case DynamoAccessGroupsStore.ENTITY -> new AccessGroupsChanged(decode(after, DynamoAccessGroupsStore::fromItem));
      case DynamoAppUserStore.ENTITY -> new AppUserChanged(string(image, "workspaceId"), seat(before), seat(after));
      default -> new OtherChange(entity == null ? "" : entity);
    };
  }

  /** The entity, workspace and connection of the item, where its image names them. */
  public static ItemOwner ownerOf(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    Map<String, AttributeValue> image = newImage == null || newImage.isEmpty() ? oldImage : newImage;
    if (image == null) {
      return new ItemOwner("", "", "");
    }
    String workspaceId = Optional.ofNullable(string(image, "workspaceId"))
        .or(() -> Optional.ofNullable(string(image, KeySchema.PK)).filter(pk -> pk.startsWith("WS#"))
            .map(pk -> pk.substring(3, pk.indexOf('#', 3) < 0 ? pk.length() : pk.indexOf('#', 3))))
        .orElse("");
    return new ItemOwner(Optional.ofNullable(string(image, KeySchema.ENTITY)).orElse(""), workspaceId,
        Optional.ofNullable(string(image, "connectionId")).orElse(""));
  }

  /** The item's primary key (partition and sort key) out of an image, to read the item again later. */
  public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> image) {
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    for (String key : new String[] {KeySchema.PK, KeySchema.SK}) {
      if (image.containsKey(key)) {
        keys.put(key, image.get(key));
      }
    }
    return keys;
  }

  private static <T> T decode(Map<String, AttributeValue> image, Function<Map<String, AttributeValue>, T> decoder) {
    return image.isEmpty() ? null : decoder.apply(image);
  }

  private static Boolean seat(Map<String, AttributeValue> image) {
    AttributeValue seat = image.get("seat");
    return seat == null ? null : seat.bool();
  }

  private static String string(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    return value == null ? null : value.s();
  }
}
