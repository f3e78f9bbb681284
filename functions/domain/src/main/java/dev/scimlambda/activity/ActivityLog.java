package dev.scimlambda.activity;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The activity log of a connection as the admin API serves it: newest first, in pages behind an
 * opaque cursor, each write joined with the revision the stream processor derived from it.
 */
public final class ActivityLog {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  private static final int MAX_CURSOR = 512;
  public static final int MAX_ATTRIBUTES_SEEN = 50;
  private static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:";
  private static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

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

  /**
   * The extension attributes (schema URN and attribute, as mapping paths write them) the
   * connection's IdP sent in its last {@link #MAX_LIMIT} requests, so an admin can map what this IdP
   * actually sends rather than guess a URN. Core and enterprise attributes are left out: every
   * mapping editor offers those. At most {@link #MAX_ATTRIBUTES_SEEN}, in order.
   */
  public SortedSet<String> extensionAttributesSeen(String workspaceId, String connectionId) {
    connections.get(workspaceId, connectionId);
    SortedSet<String> seen = new TreeSet<>();
    for (ActivityEntry entry : withRevisions(connectionId, store.page(connectionId, MAX_LIMIT, null, null).entries())) {
      if (entry.revision() == null || !"User".equals(entry.resourceType())) {
        continue;
      }
      for (AttributeChange change : entry.revision().changes()) {
        String attribute = extensionAttribute(change.path());
        if (attribute != null && seen.size() < MAX_ATTRIBUTES_SEEN) {
          seen.add(attribute);
        }
      }
    }
    return seen;
  }

  /** {@code urn:…:User:costCenter} from a change path, null for core and enterprise attributes. */
  private static String extensionAttribute(String path) {
    if (!path.startsWith("urn:") || path.startsWith(CORE_SCHEMA) || path.startsWith(ENTERPRISE_SCHEMA)) {
      return null;
    }
    String attribute = path;
    int selector = attribute.indexOf('[');
    if (selector >= 0) {
      attribute = attribute.substring(0, selector);
    }
    // The URN itself has dots (2.0); a sub-attribute's dot comes after the attribute's colon.
    int name = attribute.lastIndexOf(':');
    int sub = attribute.indexOf('.', name + 1);
    if (sub >= 0) {
      attribute = attribute.substring(0, sub);
    }
    return name > "urn:".length() && name < attribute.length() - 1 ? attribute : null;
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
