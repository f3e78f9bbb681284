package dev.scimlambda.events.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff from {@code base}, doubling up to
 * {@value #CAP_FACTOR} times {@code base}, each delay drawn between three quarters of its ceiling
 * and the ceiling ("equal jitter"), so a backlog spreads out without any delay collapsing towards
 * zero. With the default one-minute base the {@value #DEFAULT_MAX_ATTEMPTS} attempts span more than
 * a day even with every draw at its lowest — a receiver that is down over a night or a weekend
 * deploy still gets its events — and no delay exceeds SQS's 12-hour visibility limit.
 *
 * @param base the first delay's ceiling; tests scale the whole schedule down by lowering it
 */
public record DeliverySchedule(Duration base, int maxAttempts) {

  public static final Duration DEFAULT_BASE = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_ATTEMPTS = 14;
  /** 360 × one minute = 6 hours, half of SQS's longest visibility timeout. */
  static final long CAP_FACTOR = 360;

  public DeliverySchedule {
    if (base.isNegative() || base.isZero() || maxAttempts < 1) {
      throw new IllegalArgumentException("a schedule needs a positive base and at least one attempt");
    }
  }

  public static DeliverySchedule withBase(Duration base) {
    return new DeliverySchedule(base, DEFAULT_MAX_ATTEMPTS);
  }

  /** Whether attempt {@code attempt + 1} may follow failed attempt {@code attempt} (1 for the first). */
  public boolean allowsAnotherAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The wait after failed attempt {@code attempt} (1 for the first). */
  public Duration delayAfter(int attempt, RandomGenerator random) {
    long ceiling = ceilingNanos(attempt);
    long floor = ceiling - ceiling / 4;
    return Duration.ofNanos(floor + random.nextLong(ceiling - floor + 1));
  }

  /** The shortest {@link #delayAfter} can be: what the spread guarantee rests on. */
  public Duration shortestDelayAfter(int attempt) {
    long ceiling = ceilingNanos(attempt);
    return Duration.ofNanos(ceiling - ceiling / 4);
  }

  private long ceilingNanos(int attempt) {
    long baseNanos = base.toNanos();
    long cap = baseNanos * CAP_FACTOR;
    int doublings = Math.min(Math.max(attempt - 1, 0), 20);
    return Math.min(cap, baseNanos << doublings);
  }
}
