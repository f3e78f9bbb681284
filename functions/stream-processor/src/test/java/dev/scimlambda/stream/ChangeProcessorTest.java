package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
