package dev.scimlambda.problem;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way a read-change-write is retried after losing a race: the attempt runs again from a
 * fresh read, a bounded number of times, and what the last loss becomes is the caller's choice
 * (usually {@link Contention}: the same request succeeds later). Failures that are not a lost race
 * go to the caller at once.
 */
public final class Retries {

  /** Pauses nothing: the next attempt re-reads at once. */
  public static final IntConsumer NO_PAUSE = attempt -> { };

  private Retries() {}

  /**
   * Runs {@code attempt} (given its number, 1 first) until it returns without a failure that
   * {@code lost} accepts; after {@code attempts} lost ones, throws what {@code exhausted} makes of
   * the last.
   */
  public static <T> T untilWon(int attempts, Predicate<RuntimeException> lost, IntFunction<T> attempt,
      Function<RuntimeException, ? extends RuntimeException> exhausted) {
    return untilWon(attempts, lost, attempt, exhausted, NO_PAUSE);
  }

  /** As {@link #untilWon(int, Predicate, IntFunction, Function)}, pausing before each retry. */
  public static <T> T untilWon(int attempts, Predicate<RuntimeException> lost, IntFunction<T> attempt,
      Function<RuntimeException, ? extends RuntimeException> exhausted, IntConsumer pauseBeforeRetry) {
    for (int n = 1; ; n++) {
      try {
        return attempt.apply(n);
      } catch (RuntimeException e) {
        if (!lost.test(e)) {
          throw e;
        }
        if (n >= attempts) {
          throw exhausted.apply(e);
        }
        pauseBeforeRetry.accept(n);
      }
    }
  }

  /**
   * Exponential backoff with full jitter: before retry {@code attempt} a random pause between 1 ms
   * and {@link #pauseCeiling}, which doubles from {@code baseMillis} up to {@code capMillis}. Racers
   * for one item spread over a window that grows with their number, so each round has a winner
   * instead of all colliding again; an interrupt ends the retries as {@code interrupted}.
   */
  public static IntConsumer jitter(long baseMillis, long capMillis, Supplier<? extends RuntimeException> interrupted) {
    return attempt -> {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(1, pauseCeiling(baseMillis, capMillis, attempt) + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted.get();
      }
    };
  }

  /** The longest pause before retry {@code attempt} (1 first): base × 2^(attempt−1), at most cap. */
  static long pauseCeiling(long baseMillis, long capMillis, int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    return Math.min(capMillis, baseMillis << doublings);
  }
}
