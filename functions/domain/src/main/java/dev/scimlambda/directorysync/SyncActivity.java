package dev.scimlambda.directorysync;

import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.activity.Redaction;
import dev.scimlambda.activity.ScimOperation;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.random.SecureRandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts each SCIM write of a run in the connection's activity log, as the SCIM API's recording
 * filter puts a pushed request: one entry per write (a person created, replaced or deactivated, a
 * group created, renamed, deleted, a chunk of members added or removed), refused ones included
 * with their redacted reason. A write carries its resource version, so the log joins it with the
 * revision the stream derives and the admin sees the same diff as for a push. People skipped as
 * unchanged write nothing and are not logged (docs/directory-sync.md, "Activity log").
 *
 * <p>Recording is best effort, as for a push: the write already happened, so a failed log write
 * neither fails the run nor repeats the write.
 */
public final class SyncActivity {

  /** What an entry's user agent says, so a pulled change is told from a push and found by its run. */
  static final String AGENT = "scim-lambda Directory Sync, run ";
  /** The JDK's logger: the domain takes no logging library; it writes to the function's log. */
  private static final System.Logger LOG = System.getLogger(SyncActivity.class.getName());

  private final ActivityStore store;
  private final Clock clock;

  /**
   * @param clock the clock of the SCIM services the engine writes through: an entry is joined with
   *     the revision whose modification time falls within the write's time
   */
  public SyncActivity(ActivityStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What a write produced: the resource and its version (its ETag); null for a delete. */
  record Written(String resourceId, Long version) {}

  /**
   * Performs {@code write} (a SCIM {@code method} on {@code path}, e.g. {@code PATCH /Users/{id}})
   * for the run and records it; a refusal is recorded and rethrown for the engine to count.
   */
  <T> T write(SyncRun run, String method, String path, Supplier<T> write,
      Function<T, Written> written) {
    Instant started = clock.instant();
    try {
      T result = write.get();
      Written what = result == null ? null : written.apply(result);
      int status = switch (method) {
        case "POST" -> 201;
        case "DELETE" -> 204;
        default -> 200;
      };
      record(run, method, path, started, status, null, null, what);
      return result;
    } catch (Problem e) {
      if (!e.transientFailure()) {
        record(run, method, path, started, e.status(), e.scimType() == null ? null : e.scimType().name(),
            e.getMessage(), null);
      }
      throw e;
    }
  }

  private void record(SyncRun run, String method, String path, Instant started, int status, String scimType,
      String detail, Written written) {
    ScimOperation operation = ScimOperation.of(method, path);
    String resourceId = operation.resourceId() != null ? operation.resourceId()
        : written == null ? null : written.resourceId();
    try {
      store.record(new ActivityEntry(run.connectionId(), run.id() + "-" + SecureRandomIds.lowercase(8), started,
          method, operation.name(), operation.resourceType(), resourceId, status, scimType, Redaction.detail(detail),
          Duration.between(started, clock.instant()).toMillis(), AGENT + run.id(),
          written == null ? null : written.version(), null));
    } catch (RuntimeException e) {
      // Best effort (see the class comment). The class only: a store exception may quote the item.
      LOG.log(System.Logger.Level.WARNING, "activity of connection " + run.connectionId() + " not recorded: "
          + e.getClass().getName());
    }
  }
}
