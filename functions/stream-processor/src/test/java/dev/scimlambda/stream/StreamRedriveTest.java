package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamRedriveTest {

  @TempDir Path dir;

  /** Remembers the new images it was given. */
  static final class Recording implements Projection {
    final List<Map<String, AttributeValue>> applied = new ArrayList<>();

    @Override
    public void apply(ChangeRecord change) {
      applied.add(change.newImage());
    }
  }

  private static ParkedRecord trimmed(Map<String, AttributeValue> newImage) {
    ParkedRecord full = ParkedRecordJsonTest.parked(Map.of(), newImage);
    return new ParkedRecord(full.eventName(), full.sequenceNumber(), full.keys(), Map.of(), newImage,
        full.recordedAt(), Instant.now(), "Recording", full.failure(), true);
  }

  @Test
  void aTrimmedRecordIsReappliedWithTheItemAsItIsNow() {
    FileParkedRecords store = new FileParkedRecords(dir.resolve("parked.jsonl"));
    Map<String, AttributeValue> small = Map.of("pk", AttributeValue.fromS("CONN#c1"),
        "sk", AttributeValue.fromS("USER#u1"), "entity", AttributeValue.fromS("User"));
    store.park(trimmed(small));
    Map<String, AttributeValue> now = ParkedRecordJsonTest.user("{\"userName\":\"ada\"}");
    Recording projection = new Recording();
    ChangeProcessor processor = new ChangeProcessor(List.of(projection));

    RedriveReport report = new StreamRedrive(processor, store,
        keys -> keys.equals(Map.of("pk", AttributeValue.fromS("CONN#c1"), "sk", AttributeValue.fromS("USER#u1")))
            ? Optional.of(now) : Optional.empty()).run(() -> true);

    assertThat(report.applied()).isEqualTo(1);
    assertThat(projection.applied).containsExactly(now);
  }

  @Test
  void aTrimmedRecordOfAnItemGoneSinceIsReappliedWithWhatItKept() {
    FileParkedRecords store = new FileParkedRecords(dir.resolve("parked.jsonl"));
    Map<String, AttributeValue> small = Map.of("pk", AttributeValue.fromS("CONN#c1"),
        "sk", AttributeValue.fromS("USER#u1"), "entity", AttributeValue.fromS("User"));
    store.park(trimmed(small));
    Recording projection = new Recording();

    new StreamRedrive(new ChangeProcessor(List.of(projection)), store, keys -> Optional.empty()).run(() -> true);

    assertThat(projection.applied).containsExactly(small);
  }

  @Test
  void anUnreadableEntryIsCountedAndKept() throws Exception {
    Path file = dir.resolve("parked.jsonl");
    java.nio.file.Files.writeString(file, "not a record\n");

    RedriveReport report = new StreamRedrive(new ChangeProcessor(List.of(new Recording())),
        new FileParkedRecords(file), keys -> Optional.empty()).run(() -> true);

    assertThat(report.unreadable()).isEqualTo(1);
    assertThat(java.nio.file.Files.readString(file)).isEqualTo("not a record\n");
  }
}
