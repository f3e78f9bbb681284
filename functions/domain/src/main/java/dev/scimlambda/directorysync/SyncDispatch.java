package dev.scimlambda.directorysync;

import java.time.Instant;

/**
 * How a run goes on after the invocation that worked on it: a delayed SQS message to the sync
 * function in AWS, a task on the embedded stack's scheduler thread locally.
 */
public interface SyncDispatch {

  /** Has {@link DirectorySyncEngine#work} called for the run at {@code at} (or soon after). */
  void continueAt(String connectionId, String runId, Instant at);
}
