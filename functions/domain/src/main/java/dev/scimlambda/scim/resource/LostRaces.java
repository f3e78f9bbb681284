package dev.scimlambda.scim.resource;

import dev.scimlambda.problem.Contention;
import dev.scimlambda.scim.ScimException;
import java.util.concurrent.ThreadLocalRandom;

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

  /** Returns when another attempt should be made; throws the SCIM error when none should. */
  public static void retryOrFail(int attempt, String ifMatch) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      throw new ScimException(412, null, "The resource changed while this request was applied");
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
