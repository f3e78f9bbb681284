package dev.scimlambda.directorysync;

import java.time.Duration;

/**
 * The per-connection schedule that starts a run every interval: an EventBridge Scheduler schedule
 * in AWS, a periodic task on the embedded stack's scheduler thread locally.
 */
public interface SyncSchedules {

  /** Creates or changes the connection's schedule. */
  void schedule(String workspaceId, String connectionId, Duration interval);

  /** Removes it; no-op when there is none. */
  void unschedule(String connectionId);
}
