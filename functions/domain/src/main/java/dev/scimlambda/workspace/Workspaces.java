package dev.scimlambda.workspace;

import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.DisplayName;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.Retries;
import dev.scimlambda.random.SecureRandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for creating and changing workspaces. */
public final class Workspaces {

  public static final String DEFAULT_ID = "default";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final int RETRIES_ON_CONCURRENT_CHANGE = 3;

  private final WorkspaceStore store;
  private final Clock clock;

  public Workspaces(WorkspaceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Workspace create(Optional<String> requestedId, String name, Integer seatLimit) {
    String id = requestedId.orElseGet(Workspaces::newId);
    if (!ID.matcher(id).matches()) {
      throw new InvalidInputException(
          "id", "id must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
    }
    Instant now = clock.instant();
    Workspace workspace =
        new Workspace(id, DisplayName.valid("name", name), validSeatLimit(seatLimit), IdentitySettings.defaults(), now, now, 1);
    store.create(workspace);
    return workspace;
  }

  /** Creates the workspace the embedded stack starts with, unless it is already there. */
  public Workspace ensureDefault() {
    return store.find(DEFAULT_ID).orElseGet(() -> {
      try {
        return create(Optional.of(DEFAULT_ID), "Default workspace", null);
      } catch (ConflictException createdConcurrently) {
        return get(DEFAULT_ID);
      }
    });
  }

  public Workspace get(String id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("workspace " + id + " not found"));
  }

  public List<Workspace> list() {
    return store.list();
  }

  /** Applies the changes, re-reading and retrying when a concurrent writer got there first. */
  public Workspace change(String id, WorkspaceChanges changes) {
    return Retries.untilWon(RETRIES_ON_CONCURRENT_CHANGE, ConflictException.class::isInstance, attempt -> {
      Workspace updated = apply(get(id), changes);
      store.update(updated);
      return updated;
    }, lost -> Contention.concurrentWriters("The workspace"));
  }

  private Workspace apply(Workspace current, WorkspaceChanges changes) {
    Instant now = clock.instant();
    IdentitySettings settings = current.identitySettings();
    Duration session = changes.sessionDuration().map(Workspaces::validSession).orElse(settings.sessionDuration());
    Instant validAfter = changes.forceReauthentication() ? now : settings.sessionsValidAfter();
    boolean revoke = changes.revokeSessionsOnDeprovision().orElse(settings.revokeSessionsOnDeprovision());
    return new Workspace(
        current.id(),
        changes.name().map(name -> DisplayName.valid("name", name)).orElse(current.name()),
        changes.seatLimit().isPresent() ? validSeatLimit(changes.seatLimit().get().orElse(null)) : current.seatLimit(),
        new IdentitySettings(session, validAfter, revoke),
        current.createdAt(),
        now,
        current.version() + 1);
  }

  private static Integer validSeatLimit(Integer seatLimit) {
    if (seatLimit != null && seatLimit < 0) {
      throw new InvalidInputException("seatLimit", "seatLimit must be zero or more, or null for unlimited");
    }
    return seatLimit;
  }

  private static Duration validSession(Duration duration) {
    if (duration.compareTo(IdentitySettings.MIN_SESSION) < 0 || duration.compareTo(IdentitySettings.MAX_SESSION) > 0) {
      throw new InvalidInputException("sessionDuration", "sessionDuration must be between PT5M and P90D");
    }
    return duration;
  }

  private static String newId() {
    return "ws-" + SecureRandomIds.lowercase(10);
  }
}
