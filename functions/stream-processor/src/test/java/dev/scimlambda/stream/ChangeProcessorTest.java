package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.events.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeProcessorTest {

  private static ChangeRecord change(String sequence) {
    return new ChangeRecord("INSERT", sequence, Map.of(), Map.of(), Instant.EPOCH);
  }

  @Test
  void aCleanBatchReportsNoFailure() {
    List<String> seen = new ArrayList<>();
    ChangeProcessor processor = new ChangeProcessor(List.of(c -> seen.add(c.sequenceNumber())));
    assertThat(processor.process(List.of(change("1"), change("2")))).isEmpty();
    assertThat(seen).containsExactly("1", "2");
  }

  @Test
  void processingStopsAtTheFirstFailureAndReportsItsSequenceNumber() {
    List<String> seen = new ArrayList<>();
    ChangeProcessor processor =
        new ChangeProcessor(List.of(c -> {
          if (c.sequenceNumber().equals("2")) {
            throw new IllegalStateException("boom");
          }
          seen.add(c.sequenceNumber());
        }));
    assertThat(processor.process(List.of(change("1"), change("2"), change("3")))).contains("2");
    assertThat(seen).containsExactly("1");
  }

  private static final RetryPolicy NO_PAUSE = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

  @TempDir Path dir;

  /** Fails the given sequence numbers the given number of times each, then applies them. */
  static final class Flaky implements Projection {
    final List<String> seen = new ArrayList<>();
    final Map<String, Integer> failuresLeft;

    Flaky(Map<String, Integer> failuresLeft) {
      this.failuresLeft = new java.util.HashMap<>(failuresLeft);
    }

    @Override
    public void apply(ChangeRecord change) {
      if (failuresLeft.merge(change.sequenceNumber(), -1, Integer::sum) >= 0) {
        throw new IllegalStateException("flaky");
      }
      seen.add(change.sequenceNumber());
    }
  }

  /** A store that cannot keep anything, as when the queue is unreachable. */
  static final class Unreachable implements ParkedRecords {
    @Override
    public void park(ParkedRecord record) {
      throw new IllegalStateException("queue unreachable");
    }

    @Override
    public void redrive(Redrive redrive, BooleanSupplier timeLeft) {}
  }

  private List<ParkedRecord> parkedIn(FileParkedRecords store) {
    List<ParkedRecord> records = new ArrayList<>();
    store.redrive(new ParkedRecords.Redrive() {
      @Override
      public boolean reapply(ParkedRecord record) {
        records.add(record);
        return false;
      }

      @Override
      public void unreadable() {}
    }, () -> true);
    return records;
  }

  @Test
  void aRecordThatKeepsFailingIsParkedAndTheRestOfTheBatchIsApplied() {
    FileParkedRecords store = new FileParkedRecords(dir.resolve("parked.jsonl"));
    Flaky flaky = new Flaky(Map.of("2", 100));
    ChangeProcessor processor = new ChangeProcessor(List.of(flaky), Optional.of(store), NO_PAUSE, Clock.systemUTC());

    assertThat(processor.process(List.of(change("1"), change("2"), change("3")))).isEmpty();

    assertThat(flaky.seen).containsExactly("1", "3");
    assertThat(parkedIn(store)).singleElement().satisfies(p -> {
      assertThat(p.sequenceNumber()).isEqualTo("2");
      assertThat(p.projection()).isEqualTo("Flaky");
      assertThat(p.failure()).isEqualTo(IllegalStateException.class.getName());
    });
  }

  @Test
  void aRecordThatAppliesOnARetryIsNotParked() {
    FileParkedRecords store = new FileParkedRecords(dir.resolve("parked.jsonl"));
    Flaky flaky = new Flaky(Map.of("2", 2));
    ChangeProcessor processor = new ChangeProcessor(List.of(flaky), Optional.of(store), NO_PAUSE, Clock.systemUTC());

    assertThat(processor.process(List.of(change("1"), change("2"), change("3")))).isEmpty();

    assertThat(flaky.seen).containsExactly("1", "2", "3");
    assertThat(parkedIn(store)).isEmpty();
  }

  @Test
  void aRecordThatCannotBeParkedIsReportedSoTheStreamRetriesIt() {
    Flaky flaky = new Flaky(Map.of("2", 100));
    ChangeProcessor processor =
        new ChangeProcessor(List.of(flaky), Optional.of(new Unreachable()), NO_PAUSE, Clock.systemUTC());

    assertThat(processor.process(List.of(change("1"), change("2"), change("3")))).contains("2");
  }

  @Test
  void redriveAppliesAParkedRecordWithTheProjectionThatFailedOnly() {
    FileParkedRecords store = new FileParkedRecords(dir.resolve("parked.jsonl"));
    Flaky failing = new Flaky(Map.of("2", 3));
    List<String> other = new ArrayList<>();
    ChangeProcessor processor = new ChangeProcessor(
        List.of(c -> other.add(c.sequenceNumber()), failing), Optional.of(store), NO_PAUSE, Clock.systemUTC());
    processor.process(List.of(change("1"), change("2")));

    RedriveReport report = new StreamRedrive(processor, store, keys -> Optional.empty()).run(() -> true);

    assertThat(report.applied()).isEqualTo(1);
    assertThat(failing.seen).containsExactly("1", "2");
    assertThat(other).containsExactly("1", "2");
    assertThat(parkedIn(store)).isEmpty();
  }

  /** Fails every record, counting tries, like a sink that has already retried a dead endpoint. */
  static final class RetriesItself implements Projection {
    int tries;

    @Override
    public void apply(ChangeRecord change) {
      tries++;
      throw new IllegalStateException("endpoint down after its own retries");
    }

    @Override
    public boolean retriesItself() {
      return true;
    }
  }

  @Test
  void aProjectionThatRetriesItselfHasItsFailedRecordParkedWithoutAnotherRound() {
    FileParkedRecords store = new FileParkedRecords(dir.resolve("parked.jsonl"));
    RetriesItself delivery = new RetriesItself();
    ChangeProcessor processor = new ChangeProcessor(List.of(delivery), Optional.of(store), NO_PAUSE, Clock.systemUTC());

    assertThat(processor.process(List.of(change("1"), change("2")))).isEmpty();

    assertThat(delivery.tries).isEqualTo(2);
    assertThat(parkedIn(store)).extracting(ParkedRecord::sequenceNumber).containsExactly("1", "2");
  }
}
