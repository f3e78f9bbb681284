package dev.scimlambda.problem;

import java.time.Duration;

/**
 * Nothing is wrong with the request, but it could not be done now: it kept losing to concurrent
 * writers of the same items after every retry, or the table refused the work (throttling). The
 * same request succeeds later, so it is answered 429 with {@code Retry-After}, never 409, which
 * IdPs take as a conflict with existing data that retrying cannot fix.
 */
public final class Contention extends Problem {

  /** Racing writers are done within milliseconds; a second is the least Retry-After can say. */
  public static final Duration AFTER_CONCURRENT_WRITERS = Duration.ofSeconds(1);
  /** The SDK has already backed off for a while: capacity needs longer to come back. */
  public static final Duration AFTER_THROTTLING = Duration.ofSeconds(5);

  private final Duration retryAfter;

  private Contention(String message, Duration retryAfter) {
    super(message, false);
    this.retryAfter = retryAfter;
  }

  /** {@code what} kept changing under this request; e.g. "the resource", "this person". */
  public static Contention concurrentWriters(String what) {
    return new Contention(what + " is being changed by concurrent requests; retry after "
        + AFTER_CONCURRENT_WRITERS.toSeconds() + " second", AFTER_CONCURRENT_WRITERS);
  }

  public static Contention throttled() {
    return new Contention("The directory is busy; retry after " + AFTER_THROTTLING.toSeconds() + " seconds",
        AFTER_THROTTLING);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public int status() {
    return 429;
  }

  @Override
  public boolean transientFailure() {
    return true;
  }
}
