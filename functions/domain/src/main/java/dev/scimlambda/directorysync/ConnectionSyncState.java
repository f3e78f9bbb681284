package dev.scimlambda.directorysync;

import java.time.Duration;
import java.time.Instant;

/**
 * What a pull connection keeps between runs: its settings, where the next incremental pass starts,
 * when the last full pass ended, and the run in progress, if any (at most one at a time).
 *
 * @param usersPosition the users feed's resume position after the last finished pass, or null
 * @param groupsPosition the groups feed's, likewise
 * @param lastFullPassAt when the last full pass finished, or null before the first
 * @param activeRunId the running run, or null
 * @param credentialsUpdatedAt when the credentials were last written
 * @param nextRunAt when the schedule starts the next run: a run's start plus the interval
 */
public record ConnectionSyncState(
    String connectionId,
    String workspaceId,
    DirectoryKind kind,
    GroupSelection selection,
    Duration interval,
    String usersPosition,
    String groupsPosition,
    Instant lastFullPassAt,
    String activeRunId,
    Instant credentialsUpdatedAt,
    Instant nextRunAt) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(40);
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(15);
  public static final Duration MAX_INTERVAL = Duration.ofHours(24);

  public static ConnectionSyncState created(String connectionId, String workspaceId, DirectoryKind kind,
      GroupSelection selection, Duration interval, Instant now) {
    return new ConnectionSyncState(connectionId, workspaceId, kind, selection, interval, null, null, null, null, now,
        now.plus(interval));
  }

  /**
   * Full when asked, when there is no position to go on from (first sync, a changed selection,
   * Google), or when the last full pass is older than {@code fullPassEvery}; incremental otherwise.
   */
  public SyncKind nextKind(boolean fullRequested, Duration fullPassEvery, Instant now) {
    boolean incrementalPossible = kind.incremental() && usersPosition != null && groupsPosition != null
        && lastFullPassAt != null && lastFullPassAt.plus(fullPassEvery).isAfter(now);
    return fullRequested || !incrementalPossible ? SyncKind.FULL : SyncKind.INCREMENTAL;
  }

  /** A run started now: the next one is due an interval later, whatever started this one. */
  public ConnectionSyncState withRunStarted(Instant now) {
    return new ConnectionSyncState(connectionId, workspaceId, kind, selection, interval, usersPosition, groupsPosition,
        lastFullPassAt, activeRunId, credentialsUpdatedAt, now.plus(interval));
  }

  /** A new selection forgets the positions: the next run is a full pass that sweeps what left it. */
  public ConnectionSyncState withSettings(GroupSelection newSelection, Duration newInterval) {
    boolean reselected = !newSelection.equals(selection);
    Instant next = nextRunAt == null ? null : nextRunAt.minus(interval).plus(newInterval);
    return new ConnectionSyncState(connectionId, workspaceId, kind, newSelection, newInterval,
        reselected ? null : usersPosition, reselected ? null : groupsPosition, lastFullPassAt, activeRunId,
        credentialsUpdatedAt, next);
  }

  public ConnectionSyncState withCredentialsUpdatedAt(Instant at) {
    return new ConnectionSyncState(connectionId, workspaceId, kind, selection, interval, usersPosition, groupsPosition,
        lastFullPassAt, activeRunId, at, nextRunAt);
  }

  ConnectionSyncState afterPass(SyncRun run, Instant now) {
    boolean succeeded = run.status() == SyncRun.Status.SUCCEEDED;
    return new ConnectionSyncState(connectionId, workspaceId, kind, selection, interval,
        succeeded ? run.usersResumeFrom() : usersPosition,
        succeeded ? run.groupsResumeFrom() : groupsPosition,
        succeeded && run.kind() == SyncKind.FULL ? now : lastFullPassAt,
        null, credentialsUpdatedAt, nextRunAt);
  }

  public static Duration validInterval(Duration interval) {
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new dev.scimlambda.problem.InvalidInputException("syncInterval", "syncInterval must be between PT15M and PT24H");
    }
    return interval;
  }
}
