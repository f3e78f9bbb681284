package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(350));

  @Test
  void delaysStayWithinAnExponentialCeilingCappedByTheCap() {
    Random random = new Random(1);
    for (int i = 0; i < 1_000; i++) {
      assertThat(policy.delayAfter(1, random)).isBetween(Duration.ZERO, Duration.ofMillis(100));
      assertThat(policy.delayAfter(2, random)).isBetween(Duration.ZERO, Duration.ofMillis(200));
      assertThat(policy.delayAfter(3, random)).isBetween(Duration.ZERO, Duration.ofMillis(350));
      assertThat(policy.delayAfter(40, random)).isBetween(Duration.ZERO, Duration.ofMillis(350));
    }
  }

  @Test
  void delaysAreJittered() {
    Random random = new Random(2);
    assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> policy.delayAfter(3, random)).distinct().count())
        .isGreaterThan(10);
  }

  @Test
  void attemptsStopAtTheMaximum() {
    assertThat(policy.allowsAnotherAfter(3)).isTrue();
    assertThat(policy.allowsAnotherAfter(4)).isFalse();
  }
}
