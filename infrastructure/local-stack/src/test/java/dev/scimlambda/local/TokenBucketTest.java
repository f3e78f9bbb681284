package dev.scimlambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000L);
  }

  @Test
  void aFullBucketPassesTheBurstThenRefusesUntilATokenIsBack() {
    TokenBucket bucket = new TokenBucket(new ThrottleLimits(1, 2), nanos::get);
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).as("retry after, seconds").isEqualTo(1);
    advanceMillis(500);
    assertThat(bucket.take()).as("half a token back: still a whole second to wait, rounded up").isEqualTo(1);
    advanceMillis(500);
    assertThat(bucket.take()).isZero();
  }

  @Test
  void retryAfterIsTheTimeOneTokenTakesAtTheRate() {
    TokenBucket bucket = new TokenBucket(new ThrottleLimits(0.25, 1), nanos::get);
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isEqualTo(4);
  }

  @Test
  void anIdleBucketRefillsOnlyUpToTheBurst() {
    TokenBucket bucket = new TokenBucket(new ThrottleLimits(10, 3), nanos::get);
    advanceMillis(60_000);
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take()).as("request %d", i + 1).isZero();
    }
    assertThat(bucket.take()).isEqualTo(1);
  }
}
