package dev.scimlambda.stream;

import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.persistence.DynamoActivityStore;

/**
 * Derives what each write changed in a SCIM user or group from the item's old and new image, and
 * stores it redacted for the activity log, which joins it to the request that wrote that version.
 * Keyed by resource and version, so a replayed record rewrites the same item with the same content.
 */
public final class ActivityRevisions implements Projection {

  private final ActivityStore store;

  public ActivityRevisions(ActivityStore store) {
    this.store = store;
  }

  @Override
  public void apply(ChangeRecord change) {
    DynamoActivityStore.revisionOf(change.oldImage(), change.newImage()).ifPresent(store::saveRevision);
  }
}
