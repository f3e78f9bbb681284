package dev.scimlambda.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Independent calls sent side by side: results in order, failures after every call ended. */
class SideBySideTest {

  @Test
  void resultsComeInTheInputsOrder() {
    assertThat(SideBySide.map(List.of(30, 1, 20, 5), 4, millis -> {
      sleep(millis);
      return "slept " + millis;
    })).containsExactly("slept 30", "slept 1", "slept 20", "slept 5");
  }

  @Test
  void callsRunAtTheSameTime() {
    CountDownLatch allStarted = new CountDownLatch(3);
    List<Boolean> met = SideBySide.map(List.of(1, 2, 3), 3, i -> {
      allStarted.countDown();
      return await(allStarted);
    });

    assertThat(met).containsOnly(true);
  }

  @Test
  void noMoreThanTheGivenNumberAreInFlight() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    SideBySide.map(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 2, i -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      sleep(5);
      return inFlight.decrementAndGet();
    });

    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aSingleCallRunsOnTheCallersThread() {
    assertThat(SideBySide.map(List.of(1), 4, i -> Thread.currentThread())).containsExactly(Thread.currentThread());
  }

  @Test
  void theFirstFailureIsRethrownOnceEveryCallEnded() {
    IllegalStateException first = new IllegalStateException("first");
    AtomicInteger ended = new AtomicInteger();

    assertThatThrownBy(() -> SideBySide.map(List.of(0, 1, 2), 3, i -> {
      if (i == 0) {
        throw first;
      }
      sleep(30);
      ended.incrementAndGet();
      return i;
    })).isSameAs(first);
    assertThat(ended.get()).isEqualTo(2);
  }

  @Test
  void awaitRethrowsWhatTheStartedCallThrew() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad");

    assertThatThrownBy(() -> SideBySide.await(SideBySide.start(() -> {
      throw thrown;
    }))).isSameAs(thrown);
  }

  @Test
  void bothGivesEachSidesResult() {
    SideBySide.Both<String, Thread> both = SideBySide.both(() -> "here", Thread::currentThread);

    assertThat(both.here()).isEqualTo("here");
    assertThat(both.there()).isNotSameAs(Thread.currentThread());
  }

  @Test
  void whenThisSideFailsTheOtherHasEndedBeforeTheFailureIsSeen() {
    IllegalStateException failed = new IllegalStateException("here failed");
    AtomicInteger ended = new AtomicInteger();

    assertThatThrownBy(() -> SideBySide.both(() -> {
      throw failed;
    }, () -> {
      sleep(30);
      return ended.incrementAndGet();
    })).isSameAs(failed);
    assertThat(ended.get()).isEqualTo(1);
  }

  @Test
  void whenTheOtherSideFailsItsFailureIsRethrownAsThrown() {
    IllegalArgumentException failed = new IllegalArgumentException("there failed");

    assertThatThrownBy(() -> SideBySide.both(() -> "here", () -> {
      throw failed;
    })).isSameAs(failed);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
