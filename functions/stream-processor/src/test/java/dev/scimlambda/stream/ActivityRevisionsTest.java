package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.activity.AttributeChange;
import dev.scimlambda.activity.ResourceRevision;
import dev.scimlambda.activity.RevisionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the activity log learns from each stream record of a user or group. */
class ActivityRevisionsTest {

  private final List<ResourceRevision> saved = new ArrayList<>();
  private final ActivityRevisions revisions = new ActivityRevisions(new ActivityStore() {
    @Override
    public void record(ActivityEntry entry) {}

    @Override
    public Page page(String connectionId, int limit, String after, ActivityEntry.Outcome outcome) {
      return new Page(List.of(), null);
    }

    @Override
    public void saveRevision(ResourceRevision revision) {
      saved.add(revision);
    }

    @Override
    public Map<RevisionKey, ResourceRevision> revisions(String connectionId, Collection<RevisionKey> keys) {
      return Map.of();
    }
  });

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Map<String, AttributeValue> user(long version, String title) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("entity", s("User"), "connectionId", s("c1"),
        "id", s("u1"), "document", s("{\"title\":\"" + title + "\",\"active\":true}"), "userNameKey", s("ada"),
        "active", AttributeValue.fromBool(true), "created", s("2026-01-01T00:00:00Z"),
        "lastModified", s("2026-01-02T00:00:00Z"), "version", AttributeValue.fromN("" + version)));
    item.put("appUserId", s("p1"));
    return item;
  }

  private static Map<String, AttributeValue> group(long version, long memberCount) {
    return Map.of("entity", s("Group"), "connectionId", s("c1"), "id", s("g1"),
        "document", s("{\"displayName\":\"Marketing\"}"), "displayNameKey", s("marketing"),
        "memberCount", AttributeValue.fromN("" + memberCount), "created", s("2026-01-01T00:00:00Z"),
        "lastModified", s("2026-01-02T00:00:00Z"), "version", AttributeValue.fromN("" + version));
  }

  private void apply(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    revisions.apply(new ChangeRecord("MODIFY", "1", oldImage, newImage, Instant.EPOCH));
  }

  @Test
  void aUserWriteStoresTheRevisionOfItsNewVersion() {
    apply(user(1, "Engineer"), user(2, "Manager"));

    assertThat(saved).extracting(ResourceRevision::key).containsExactly(new RevisionKey("User", "u1", 2));
    assertThat(saved.get(0).changes()).extracting(AttributeChange::path).containsExactly("title");
  }

  @Test
  void aGroupsMemberCountIsComparedWithItsDocument() {
    apply(group(1, 2), group(2, 5));

    assertThat(saved).extracting(ResourceRevision::key).containsExactly(new RevisionKey("Group", "g1", 2));
    assertThat(saved.get(0).changes()).extracting(AttributeChange::path, AttributeChange::op)
        .containsExactly(tuple("memberCount", "replace"));
  }

  @Test
  void aRewriteOfTheSameVersionStoresNothing() {
    apply(group(2, 250), group(2, 250));
    apply(user(2, "Engineer"), user(2, "Manager"));

    assertThat(saved).isEmpty();
  }

  @Test
  void aRemovalStoresNothing() {
    apply(user(3, "Engineer"), Map.of());

    assertThat(saved).isEmpty();
  }

  @Test
  void aCreationIsTheRevisionOfTheWholeDocument() {
    apply(Map.of(), user(1, "Engineer"));

    assertThat(saved.get(0).changes()).extracting(AttributeChange::path).containsExactlyInAnyOrder("title", "active");
  }
}
