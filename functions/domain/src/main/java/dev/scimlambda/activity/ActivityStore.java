package dev.scimlambda.activity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Persistence of the activity log: request entries (written by the SCIM API) and revisions (by the stream processor). */
public interface ActivityStore {

  /** Records one request; one write, expiring after the configured retention. */
  void record(ActivityEntry entry);

  /**
   * Up to {@code limit} entries of the connection, newest first, starting after {@code after} (a
   * {@link Page#next} position, null for the newest).
   *
   * @param outcome only entries with this outcome; null for all
   */
  Page page(String connectionId, int limit, String after, ActivityEntry.Outcome outcome);

  /** Stores a revision; storing the same revision again changes nothing (stream records repeat). */
  void saveRevision(ResourceRevision revision);

  /** The stored revisions among {@code keys}; missing ones are left out. */
  Map<RevisionKey, ResourceRevision> revisions(String connectionId, Collection<RevisionKey> keys);

  /** @param next where the following page starts, null when there is none */
  record Page(List<ActivityEntry> entries, String next) {}
}
