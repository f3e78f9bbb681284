package dev.scimlambda.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What one write changed in a resource: derived from the old and new item by the stream
 * processor, redacted before it is stored.
 *
 * @param truncated true when the resource changed in more than {@link #MAX_CHANGES} places and
 *     only the first are kept (an item must stay small)
 */
public record ResourceRevision(
    String connectionId,
    String resourceType,
    String resourceId,
    long version,
    Instant modifiedAt,
    List<AttributeChange> changes,
    boolean truncated) {

  public static final int MAX_CHANGES = 100;

  public ResourceRevision {
    changes = List.copyOf(changes);
  }

  /** The redacted difference between two versions of a SCIM document ({@code before} null for a creation). */
  public static ResourceRevision between(String connectionId, String resourceType, String resourceId, long version,
      Instant modifiedAt, JsonNode before, JsonNode after) {
    List<AttributeChange> all = JsonDiff.between(before, after).stream()
        .map(change -> Redaction.change(resourceType, change))
        .toList();
    boolean truncated = all.size() > MAX_CHANGES;
    return new ResourceRevision(connectionId, resourceType, resourceId, version, modifiedAt,
        truncated ? all.subList(0, MAX_CHANGES) : all, truncated);
  }

  public RevisionKey key() {
    return new RevisionKey(resourceType, resourceId, version);
  }
}
