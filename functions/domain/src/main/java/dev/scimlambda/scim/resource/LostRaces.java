package dev.scimlambda.scim.resource;

import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.Retries;
import dev.scimlambda.problem.StaleVersionException;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * What a read-change-write does after losing a race to a concurrent writer. With {@code If-Match}
 * the client asked for exactly the version it saw, so the answer is 412. Without, parallel changes
 * are normal (IdPs fan out): the change is re-applied to the fresh copy after a random pause that
 * doubles with each loss (full jitter, 50 ms to 1 s), so even twenty racers for one person's
 * account spread out instead of colliding again, up to {@link #ATTEMPTS} times; then the request
 * meets {@link Contention} (429 and Retry-After: the same request succeeds later), not 409, which
 * stays for real uniqueness conflicts.
 */
public final class LostRaces {

  public static final int ATTEMPTS = 10;
  private static final long FIRST_PAUSE_MILLIS = 50;
  private static final long LONGEST_PAUSE_MILLIS = 1_000;

  private LostRaces() {}

  /**
   * Runs a read-change-write until it is not beaten by a concurrent writer: {@code attempt} gets its
   * number (1 first) and returns the result; a {@link VersionMismatch} it throws is a lost race,
   * retried as the class says. Anything else it throws goes to the caller.
   */
  public static <T> T retry(String ifMatch, IntFunction<T> attempt) {
    return retry(ifMatch, lost -> false, attempt);
  }

  /** As {@link #retry(String, IntFunction)}, with more failures that also mean a lost race. */
  public static <T> T retry(String ifMatch, Predicate<RuntimeException> alsoLost, IntFunction<T> attempt) {
    boolean exactVersion = ifMatch != null && !ifMatch.isBlank();
    return Retries.untilWon(exactVersion ? 1 : ATTEMPTS, e -> e instanceof VersionMismatch || alsoLost.test(e), attempt,
        lost -> exactVersion
            ? new StaleVersionException("The resource changed while this request was applied")
            : Contention.concurrentWriters("The resource"),
        Retries.jitter(FIRST_PAUSE_MILLIS, LONGEST_PAUSE_MILLIS,
            () -> Contention.concurrentWriters("The resource")));
  }
}
