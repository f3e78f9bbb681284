package dev.scimlambda.directorysync;

import java.time.Instant;
import java.util.Locale;

/**
 * One run of a pull connection and its checkpoint: the phase it is in, where in the provider's
 * answer it is, what it counted so far. Saved after every page it applied, so an invocation that
 * dies goes on from the last saved page; re-applying that page duplicates nobody, because each
 * record is matched to what an earlier application left by the directory's id.
 *
 * @param position where the current phase goes on in the provider's answer; null at a phase's start
 * @param usersResumeFrom the users feed's position for the next incremental pass, once read to its end
 * @param groupsResumeFrom the groups feed's, likewise
 * @param pausedUntil a rate limit's end: nothing is read before it; null when not paused
 */
public record SyncRun(
    String connectionId,
    String id,
    String workspaceId,
    SyncKind kind,
    Trigger trigger,
    Status status,
    Phase phase,
    String position,
    String usersResumeFrom,
    String groupsResumeFrom,
    Counts counts,
    String lastError,
    Instant startedAt,
    Instant finishedAt,
    Instant pausedUntil) {

  public enum Status {
    RUNNING, SUCCEEDED, FAILED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Users before groups: a group's members must exist before it can name them. */
  public enum Phase {
    USERS, GROUPS, SWEEP, DONE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Trigger {
    CREATED, MANUAL, SCHEDULE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** People added, updated, deactivated, and records the workspace refused. */
  public record Counts(long added, long updated, long deactivated, long failed) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public Counts plus(Counts other) {
      return new Counts(added + other.added, updated + other.updated, deactivated + other.deactivated,
          failed + other.failed);
    }
  }

  public static SyncRun start(String connectionId, String id, String workspaceId, SyncKind kind, Trigger trigger,
      Instant now) {
    return new SyncRun(connectionId, id, workspaceId, kind, trigger, Status.RUNNING, Phase.USERS, null, null, null,
        Counts.ZERO, null, now, null, null);
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  SyncRun at(String nextPosition, Counts added, String error) {
    return new SyncRun(connectionId, id, workspaceId, kind, trigger, status, phase, nextPosition, usersResumeFrom,
        groupsResumeFrom, counts.plus(added), error == null ? lastError : error, startedAt, finishedAt, null);
  }

  SyncRun nextPhase(Phase next, String usersFrom, String groupsFrom) {
    return new SyncRun(connectionId, id, workspaceId, kind, trigger, status, next, null, usersFrom, groupsFrom, counts,
        lastError, startedAt, finishedAt, null);
  }

  SyncRun pausedUntil(Instant until) {
    return new SyncRun(connectionId, id, workspaceId, kind, trigger, status, phase, position, usersResumeFrom,
        groupsResumeFrom, counts, lastError, startedAt, finishedAt, until);
  }

  /** Graph answered 410 to a delta link: the same run starts over as a full pass. */
  SyncRun restartedAsFull() {
    return new SyncRun(connectionId, id, workspaceId, SyncKind.FULL, trigger, status, Phase.USERS, null, null, null,
        counts, lastError, startedAt, finishedAt, null);
  }

  SyncRun finished(Status outcome, String error, Instant now) {
    return new SyncRun(connectionId, id, workspaceId, kind, trigger, outcome, Phase.DONE, null, usersResumeFrom,
        groupsResumeFrom, counts, error == null ? lastError : error, startedAt, now, null);
  }
}
