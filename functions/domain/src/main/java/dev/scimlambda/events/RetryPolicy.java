package dev.scimlambda.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before attempt {@code n + 1} wait a random time between zero
 * and {@code min(cap, base * 2^(n-1))}, so many records retrying at once spread out instead of
 * hitting a recovering receiver together.
 *
 * @param maxAttempts attempts in all, the first included
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

  /**
   * For AWS destinations that take part of a batch (PutEvents, SendMessageBatch): four attempts
   * with at most 3.5 s of pauses between them: enough to ride out a throttle or a service's
   * restart, short enough to leave most of the stream function's 60 s for the rest of its batch.
   */
  public static final RetryPolicy DELIVERY = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(4));

  public RetryPolicy {
    if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("maxAttempts >= 1 and 0 <= base <= cap");
    }
  }

  public boolean allowsAnotherAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The pause after failed attempt {@code attempt} (1 for the first). */
  public Duration delayAfter(int attempt, RandomGenerator random) {
    long ceiling = base.toMillis() << Math.min(attempt - 1, 30);
    long bound = Math.min(cap.toMillis(), ceiling < 0 ? Long.MAX_VALUE : ceiling);
    return Duration.ofMillis(bound == 0 ? 0 : random.nextLong(bound + 1));
  }

  /** Sleeps {@link #delayAfter} before the next attempt. */
  public void pauseAfter(int attempt) {
    try {
      Thread.sleep(delayAfter(attempt, ThreadLocalRandom.current()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
