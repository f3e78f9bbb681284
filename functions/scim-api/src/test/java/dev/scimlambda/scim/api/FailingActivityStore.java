package dev.scimlambda.scim.api;

import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.activity.ResourceRevision;
import dev.scimlambda.activity.RevisionKey;
import dev.scimlambda.runtime.DomainWiring;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;

/** An activity store whose writes fail, as DynamoDB throttling would; in stacks started with {@link #PROPERTY}. */
@Singleton
@Requires(property = FailingActivityStore.PROPERTY, value = "true")
@Replaces(bean = ActivityStore.class, factory = DomainWiring.class)
final class FailingActivityStore implements ActivityStore {

  static final String PROPERTY = "test.failing-activity-store";

  @Override
  public void record(ActivityEntry entry) {
    throw new IllegalStateException("the activity store is down");
  }

  @Override
  public Page page(String connectionId, int limit, String after, ActivityEntry.Outcome outcome) {
    throw new IllegalStateException("the activity store is down");
  }

  @Override
  public void saveRevision(ResourceRevision revision) {
    throw new IllegalStateException("the activity store is down");
  }

  @Override
  public Map<RevisionKey, ResourceRevision> revisions(String connectionId, Collection<RevisionKey> keys) {
    throw new IllegalStateException("the activity store is down");
  }
}
