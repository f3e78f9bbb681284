package dev.scimlambda.scim.resource;

import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.StaleVersionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * What a read-change-write does after losing a race to a concurrent writer. With {@code If-Match}
 * the client asked for exactly the version it saw, so the answer is 412. Without, parallel changes
 * are normal (IdPs fan out): the change is re-applied to the fresh copy after a random pause, so
 * the racers spread out instead of colliding again, up to {@link #ATTEMPTS} times; then the request
 * meets {@link Contention} (429 and Retry-After: the same request succeeds later), not 409, which
 * stays for real uniqueness conflicts.
 */
public final class LostRaces {

  public static final int ATTEMPTS = 10;
  private static final long MAX_PAUSE_MILLIS = 50;

  private LostRaces() {}

  /**
   * Runs a read-change-write until it is not beaten by a concurrent writer: {@code attempt} gets its
   * number (1 first) and returns the result; a {@link VersionMismatch} it throws is a lost race,
   * retried as {@link #retryOrFail} says. Anything else it throws goes to the caller.
   */
  public static <T> T retry(String ifMatch, IntFunction<T> attempt) {
    return retry(ifMatch, lost -> false, attempt);
  }

  /** As {@link #retry(String, IntFunction)}, with more failures that also mean a lost race. */
  public static <T> T retry(String ifMatch, Predicate<RuntimeException> alsoLost, IntFunction<T> attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.apply(n);
      } catch (VersionMismatch lost) {
        retryOrFail(n, ifMatch);
      } catch (RuntimeException e) {
        if (!alsoLost.test(e)) {
          throw e;
        }
        retryOrFail(n, ifMatch);
      }
    }
  }

  /** Returns when another attempt should be made; throws the SCIM error when none should. */
  public static void retryOrFail(int attempt, String ifMatch) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      throw new StaleVersionException("The resource changed while this request was applied");
    }
    if (attempt >= ATTEMPTS) {
      throw Contention.concurrentWriters("The resource");
    }
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, MAX_PAUSE_MILLIS * Math.min(attempt, 4)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw Contention.concurrentWriters("The resource");
    }
  }
}
