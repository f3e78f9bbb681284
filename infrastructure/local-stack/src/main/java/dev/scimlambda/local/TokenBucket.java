package dev.scimlambda.local;

import java.util.function.LongSupplier;

/**
 * API Gateway's throttling algorithm: a bucket of {@code burstLimit} tokens refilled at
 * {@code rateLimit} per second; a request takes one token or is refused, and the refusal says how
 * many whole seconds until a token is back (the {@code Retry-After} an IdP backs off by).
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final ThrottleLimits limits;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  TokenBucket(ThrottleLimits limits, LongSupplier nanoTime) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.tokens = limits.burstLimit();
    this.refilledAt = nanoTime.getAsLong();
  }

  /** Takes a token: 0 when the request may pass, else the seconds (at least 1) to wait before retrying. */
  synchronized long take() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(limits.burstLimit(), tokens + (now - refilledAt) / NANOS_PER_SECOND * limits.rateLimit());
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / limits.rateLimit()));
  }
}
