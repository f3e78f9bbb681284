package dev.scimlambda.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {

  private static final DeliverySchedule PRODUCTION = DeliverySchedule.withBase(DeliverySchedule.DEFAULT_BASE);
  /** SQS cannot keep a message hidden longer. */
  private static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12);

  @Test
  void attemptsSpanAtLeastADayEvenWhenEveryDelayIsAtItsShortest() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; PRODUCTION.allowsAnotherAfter(attempt); attempt++) {
      total = total.plus(PRODUCTION.shortestDelayAfter(attempt));
    }
    assertThat(total).isGreaterThanOrEqualTo(Duration.ofHours(24));
  }

  @Property
  void anyDrawOfDelaysSpansAtLeastADay(@ForAll long seed) {
    Random random = new Random(seed);
    Duration total = Duration.ZERO;
    for (int attempt = 1; PRODUCTION.allowsAnotherAfter(attempt); attempt++) {
      total = total.plus(PRODUCTION.delayAfter(attempt, random));
    }
    assertThat(total).isGreaterThanOrEqualTo(Duration.ofHours(24));
  }

  @Property
  void everyDelayLiesBetweenItsShortestAndWhatSqsCanHold(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int attempt) {
    Duration delay = PRODUCTION.delayAfter(attempt, new Random(seed));
    assertThat(delay).isBetween(PRODUCTION.shortestDelayAfter(attempt), SQS_MAX_VISIBILITY);
  }

  @Test
  void delaysGrowUntilTheCap() {
    assertThat(PRODUCTION.shortestDelayAfter(2)).isGreaterThan(PRODUCTION.shortestDelayAfter(1));
    assertThat(PRODUCTION.shortestDelayAfter(30)).isEqualTo(PRODUCTION.shortestDelayAfter(40));
  }

  @Test
  void aSmallerBaseScalesTheWholeScheduleDown() {
    DeliverySchedule fast = DeliverySchedule.withBase(Duration.ofMillis(1));
    assertThat(fast.delayAfter(DeliverySchedule.DEFAULT_MAX_ATTEMPTS - 1, new Random(1))).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void theLastAttemptAllowsNoOther() {
    assertThat(PRODUCTION.allowsAnotherAfter(DeliverySchedule.DEFAULT_MAX_ATTEMPTS - 1)).isTrue();
    assertThat(PRODUCTION.allowsAnotherAfter(DeliverySchedule.DEFAULT_MAX_ATTEMPTS)).isFalse();
  }
}
