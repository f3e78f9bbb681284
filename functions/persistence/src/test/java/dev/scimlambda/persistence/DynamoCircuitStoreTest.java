package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.events.delivery.CircuitState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoCircuitStoreTest {

  private final DynamoCircuitStore store = new DynamoCircuitStore(TableFixture.newTable(), Clock.systemUTC());
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void anEndpointWithoutFailuresIsClosed() {
    assertThat(store.find("acme")).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void failuresCountUpAndASuccessForgetsThem() {
    store.recordFailure("acme");
    assertThat(store.recordFailure("acme").consecutiveFailures()).isEqualTo(2);
    store.close("acme");
    assertThat(store.find("acme")).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anOpenedCircuitReadsBackWithItsIntervalAndOpenings() {
    store.recordFailure("acme");
    store.open("acme", now.plusSeconds(60), 1);
    assertThat(store.find("acme")).isEqualTo(new CircuitState(1, Optional.of(now.plusSeconds(60)), 1));
  }

  @Test
  void noProbeIsClaimedWhileTheCircuitIsOpen() {
    store.recordFailure("acme");
    store.open("acme", now.plusSeconds(60), 1);
    assertThat(store.claimProbe("acme", now, now.plusSeconds(10))).isFalse();
  }

  @Test
  void aHalfOpenCircuitLetsExactlyOneOfManyConcurrentProbesThrough() throws Exception {
    store.recordFailure("acme");
    store.open("acme", now.minusMillis(1), 1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> claims = IntStream.range(0, 8)
          .<Callable<Boolean>>mapToObj(i -> () -> store.claimProbe("acme", now, now.plusSeconds(10))).toList();
      long claimed = pool.invokeAll(claims).stream().filter(DynamoCircuitStoreTest::get).count();
      assertThat(claimed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLapsedProbeClaimLetsAnotherProbeThrough() {
    store.recordFailure("acme");
    store.open("acme", now.minusMillis(1), 1);
    assertThat(store.claimProbe("acme", now, now.plusSeconds(10))).isTrue();
    assertThat(store.claimProbe("acme", now.plusSeconds(11), now.plusSeconds(21))).isTrue();
  }

  private static boolean get(Future<Boolean> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
