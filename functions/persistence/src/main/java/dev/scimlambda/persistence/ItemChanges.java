package dev.scimlambda.persistence;

import dev.scimlambda.access.AccessGroups;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.tags.TagRefreshJob;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns one change of the table (the item's image before and after, either empty) into a typed
 * change, so the stream processor reads what changed without knowing how items are laid out.
 */
public final class ItemChanges {

  private ItemChanges() {}

  /** One change of an item, typed by the entity the item holds. */
  public sealed interface ItemChange
      permits GroupChanged, TagRefreshJobChanged, AccessGroupsChanged, AppUserChanged, OtherChange {}

  /** A group was created, updated or deleted; {@code before} is null on create, {@code after} on delete. */
  public record GroupChanged(ScimGroup before, ScimGroup after) implements ItemChange {}

  /** A tag refresh job was written; {@code after} is null when the job item was removed. */
  public record TagRefreshJobChanged(TagRefreshJob after) implements ItemChange {}

  /** A connection's access groups were saved; {@code after} is null when the item was removed. */
  public record AccessGroupsChanged(AccessGroups after) implements ItemChange {}

  /** A person in a workspace changed; seats are null where the image is missing or has none. */
  public record AppUserChanged(String workspaceId, Boolean seatBefore, Boolean seatAfter) implements ItemChange {}

  /** An item of an entity no typed change covers yet. */
  public record OtherChange(String entity) implements ItemChange {}

  public static ItemChange of(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    Map<String, AttributeValue> before = oldImage == null ? Map.of() : oldImage;
    Map<String, AttributeValue> after = newImage == null ? Map.of() : newImage;
    Map<String, AttributeValue> image = after.isEmpty() ? before : after;
    String entity = string(image, KeySchema.ENTITY);
    return switch (entity == null ? "" : entity) {
      case DynamoGroupStore.ENTITY -> new GroupChanged(
          before.isEmpty() ? null : DynamoGroupStore.fromItem(before),
          after.isEmpty() ? null : DynamoGroupStore.fromItem(after));
      case DynamoTagRefreshJobStore.ENTITY ->
          new TagRefreshJobChanged(after.isEmpty() ? null : DynamoTagRefreshJobStore.fromItem(after));
      case DynamoAccessGroupsStore.ENTITY ->
          new AccessGroupsChanged(after.isEmpty() ? null : DynamoAccessGroupsStore.fromItem(after));
      case DynamoAppUserStore.ENTITY ->
          new AppUserChanged(string(image, "workspaceId"), seat(before), seat(after));
      default -> new OtherChange(entity == null ? "" : entity);
    };
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
