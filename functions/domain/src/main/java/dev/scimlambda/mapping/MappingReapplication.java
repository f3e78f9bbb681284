package dev.scimlambda.mapping;

import java.time.Instant;
import java.util.Optional;

/**
 * Re-applying a saved mapping to a connection's existing users, as the admin's mapping view shows
 * it. The job itself is a tag refresh over the whole connection ({@code tags.TagRefreshJobStore}
 * implements this port), so the mapping does not depend on the tags that depend on it.
 */
public interface MappingReapplication {

  /** The connection's running re-application, if any. */
  Optional<Progress> reapplying(String connectionId);

  /** @param usersDone users re-derived so far */
  record Progress(long usersDone, Instant startedAt) {}
}
