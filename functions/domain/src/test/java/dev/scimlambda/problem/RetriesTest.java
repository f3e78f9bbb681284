package dev.scimlambda.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a read-change-write that lost a race is tried again. */
class RetriesTest {

  private static final class Lost extends RuntimeException {}

  private final List<Integer> attempts = new ArrayList<>();
  private final List<Integer> pauses = new ArrayList<>();

  private String losingUntil(int won, int attempt) {
    attempts.add(attempt);
    if (attempt < won) {
      throw new Lost();
    }
    return "won at " + attempt;
  }

  @Test
  void aFirstAttemptThatWinsIsTheAnswer() {
    String result = Retries.untilWon(3, Lost.class::isInstance, n -> losingUntil(1, n), lost -> lost);

    assertThat(result).isEqualTo("won at 1");
    assertThat(attempts).containsExactly(1);
  }

  @Test
  void aLostAttemptRunsAgainWithTheNextNumber() {
    String result = Retries.untilWon(3, Lost.class::isInstance, n -> losingUntil(3, n), lost -> lost);

    assertThat(result).isEqualTo("won at 3");
    assertThat(attempts).containsExactly(1, 2, 3);
  }

  @Test
  void theLastLossBecomesWhatTheCallerChose() {
    assertThatThrownBy(() -> Retries.untilWon(2, Lost.class::isInstance, n -> losingUntil(5, n),
        lost -> Contention.concurrentWriters("The resource")))
        .isInstanceOf(Contention.class);
    assertThat(attempts).containsExactly(1, 2);
  }

  @Test
  void aFailureThatIsNoLostRaceGoesToTheCallerAtOnce() {
    IllegalStateException broken = new IllegalStateException("broken");

    assertThatThrownBy(() -> Retries.untilWon(5, Lost.class::isInstance, n -> {
      attempts.add(n);
      throw broken;
    }, lost -> lost)).isSameAs(broken);
    assertThat(attempts).containsExactly(1);
  }

  @Test
  void itPausesBeforeEachRetryNotAfterTheLast() {
    assertThatThrownBy(() -> Retries.untilWon(3, Lost.class::isInstance, n -> losingUntil(9, n), lost -> lost,
        pauses::add)).isInstanceOf(Lost.class);

    assertThat(pauses).containsExactly(1, 2);
  }

  @Test
  void thePauseCeilingDoublesWithEachLoss() {
    assertThat(List.of(1, 2, 3, 4).stream().map(n -> Retries.pauseCeiling(50, 1_000, n)))
        .containsExactly(50L, 100L, 200L, 400L);
  }

  @Test
  void thePauseCeilingStopsAtTheCap() {
    assertThat(Retries.pauseCeiling(50, 1_000, 6)).isEqualTo(1_000L);
    assertThat(Retries.pauseCeiling(50, 1_000, Integer.MAX_VALUE)).isEqualTo(1_000L);
  }
}
