package dev.scimlambda.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.activity.ResourceRevision;
import dev.scimlambda.persistence.ItemChanges.GroupChanged;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import dev.scimlambda.persistence.ItemChanges.UserChanged;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import java.util.Optional;

/**
 * Derives what each write changed in a SCIM user or group from its versions before and after, and
 * stores it redacted for the activity log, which joins it to the request that wrote that version.
 * Keyed by resource and version, so a replayed record rewrites the same item with the same content.
 * A removal has none (its log entry says all there is to say), nor has bookkeeping on the same
 * version (a staged member change marked complete): that version's revision is already stored.
 */
public final class ActivityRevisions implements Projection {

  private final ActivityStore store;

  public ActivityRevisions(ActivityStore store) {
    this.store = store;
  }

  @Override
  public void apply(ChangeRecord change) {
    ItemChange item = change.change();
    Optional<ResourceRevision> revision = item instanceof UserChanged user ? ofUser(user.before(), user.after())
        : item instanceof GroupChanged group ? ofGroup(group.before(), group.after())
        : Optional.empty();
    revision.ifPresent(store::saveRevision);
  }

  private static Optional<ResourceRevision> ofUser(ScimUser before, ScimUser after) {
    if (after == null || before != null && before.version() == after.version()) {
      return Optional.empty();
    }
    return Optional.of(ResourceRevision.between(after.connectionId(), "User", after.id(), after.version(),
        after.lastModified(), before == null ? null : before.document(), after.document()));
  }

  private static Optional<ResourceRevision> ofGroup(ScimGroup before, ScimGroup after) {
    if (after == null || before != null && before.version() == after.version()) {
      return Optional.empty();
    }
    return Optional.of(ResourceRevision.between(after.connectionId(), "Group", after.id(), after.version(),
        after.lastModified(), before == null ? null : comparable(before), comparable(after)));
  }

  /** A group's member count joins its document: its members are items of their own. */
  private static JsonNode comparable(ScimGroup group) {
    return group.document().deepCopy().put("memberCount", group.memberCount());
  }
}
