package dev.scimlambda.activity;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The activity log of a connection as the admin API serves it: newest first, in pages behind an
 * opaque cursor, each write joined with the revision the stream processor derived from it.
 */
public final class ActivityLog {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  private static final int MAX_CURSOR = 512;

  private final ActivityStore store;
  private final Connections connections;

  public ActivityLog(ActivityStore store, Connections connections) {
    this.store = store;
    this.connections = connections;
  }

  /** @param nextCursor null on the last page */
  public record Page(List<ActivityEntry> entries, String nextCursor) {}

  /**
   * One page of the connection's log. The connection must belong to the workspace (else 404);
   * a deleted connection's log stays readable until it expires.
   *
   * @param outcome {@code success}, {@code failure} or null for both
   */
  public Page page(String workspaceId, String connectionId, Integer limit, String cursor, String outcome) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    ActivityEntry.Outcome wanted = outcome(outcome);
    String after = cursor == null ? null : decode(cursor);
    connections.get(workspaceId, connectionId);
    ActivityStore.Page page = store.page(connectionId, size, after, wanted);
    return new Page(withRevisions(connectionId, page.entries()), page.next() == null ? null : encode(page.next()));
  }

  private List<ActivityEntry> withRevisions(String connectionId, List<ActivityEntry> entries) {
    List<RevisionKey> keys = entries.stream().map(ActivityEntry::revisionKey).filter(Objects::nonNull).distinct().toList();
    if (keys.isEmpty()) {
      return entries;
    }
    Map<RevisionKey, ResourceRevision> revisions = store.revisions(connectionId, keys);
    List<ActivityEntry> joined = new ArrayList<>(entries.size());
    for (ActivityEntry entry : entries) {
      ResourceRevision revision = entry.revisionKey() == null ? null : revisions.get(entry.revisionKey());
      joined.add(revision != null && entry.wrote(revision) ? entry.withRevision(revision) : entry);
    }
    return joined;
  }

  private static ActivityEntry.Outcome outcome(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return null;
    }
    for (ActivityEntry.Outcome candidate : ActivityEntry.Outcome.values()) {
      if (candidate.wireName().equals(outcome.strip())) {
        return candidate;
      }
    }
    throw new InvalidInputException("outcome", "outcome must be success or failure");
  }

  private static String encode(String position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** The position is only ever used as a start key inside the connection's own log, so any decoded value is harmless. */
  private static String decode(String cursor) {
    try {
      String position = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      if (!position.isEmpty() && position.length() <= MAX_CURSOR) {
        return position;
      }
    } catch (IllegalArgumentException notBase64) {
      // refused below
    }
    throw new InvalidInputException("cursor", "cursor is not a cursor this endpoint returned");
  }
}
