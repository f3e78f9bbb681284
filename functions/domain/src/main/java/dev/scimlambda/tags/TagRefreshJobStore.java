package dev.scimlambda.tags;

import dev.scimlambda.mapping.MappingReapplication;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of the running tag refresh jobs, one per group at most, and one per connection (null group). */
public interface TagRefreshJobStore extends MappingReapplication {

  /**
   * Starts the group's job, or restarts it from the first member with a new generation; with a null
   * {@code groupId}, the job over every user of the connection.
   */
  void start(String workspaceId, String connectionId, String groupId, int depth, Instant now);

  /** Records progress; false when the job was restarted or finished meanwhile (the progress is void). */
  boolean advance(TagRefreshJob job, String cursor, long processed);

  /** Removes the job unless it was restarted meanwhile. */
  void finish(TagRefreshJob job);

  /** The running job of the group ({@code groupId} null: of the whole connection), read strongly. */
  Optional<TagRefreshJob> find(String connectionId, String groupId);

  /** The connection-wide job, which is how a saved mapping is re-applied to existing users. */
  @Override
  default Optional<Progress> reapplying(String connectionId) {
    return find(connectionId, null).map(job -> new Progress(job.processed(), job.startedAt()));
  }

  /** The workspace's running jobs: how the admin API shows tags converging. */
  List<TagRefreshJob> running(String workspaceId);
}
