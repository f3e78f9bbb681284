package dev.scimlambda.tags;

import java.time.Instant;

/**
 * Re-deriving the tags and profiles of every member of one group, or of every user of one connection
 * (after its attribute mapping or target groups changed), a chunk at a time. Each chunk's progress is a
 * write to the job item, whose stream record triggers the next chunk: a 100,000-member rename is
 * spread over many short stream invocations instead of one long API call.
 *
 * @param groupId null for a job over every user of the connection (its access groups changed)
 * @param generation bumped when the job is restarted (another rename during the run); progress
 *     of an older generation is discarded
 * @param groupId the group whose members are refreshed; null for every user of the connection
 * @param cursor the last member (or user) id done; null before the first chunk
 * @param depth how far this job is below the group change that started it, through nested groups
 */
public record TagRefreshJob(
    String workspaceId,
    String connectionId,
    String groupId,
    long generation,
    String cursor,
    long processed,
    int depth,
    Instant startedAt) {

  public boolean connectionWide() {
    return groupId == null;
  }
}
