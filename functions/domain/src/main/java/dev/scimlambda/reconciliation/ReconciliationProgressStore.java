package dev.scimlambda.reconciliation;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the scheduled reconciliation of every workspace stopped, so the next invocation resumes
 * there instead of starting again: one position for the whole deployment.
 */
public interface ReconciliationProgressStore {

  Optional<Progress> find();

  /** Records that the round resumes at {@code workspaceId}, from {@code cursor} (null: its start). */
  void save(Progress progress);

  /** The round is done: the next invocation starts a new one from the first workspace. */
  void finish(Instant finishedAt);

  /**
   * @param roundStartedAt when the round that is under way began
   * @param cursor an encoded {@link ReconciliationCursor}; null to start the workspace from its beginning
   */
  record Progress(String workspaceId, String cursor, Instant roundStartedAt) {}
}
