package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ParkedRecordJsonTest {

  private static final Instant RECORDED = Instant.parse("2026-12-04T10:15:30.123Z");
  private static final Instant PARKED = Instant.parse("2026-12-04T10:15:32Z");

  static ParkedRecord parked(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    return ParkedRecord.of(new ChangeRecord("MODIFY", "4200000000012345", oldImage, newImage, RECORDED),
        "AppUserProjection", IllegalStateException.class.getName(), PARKED);
  }

  static Map<String, AttributeValue> user(String document) {
    return Map.of(
        "pk", AttributeValue.fromS("CONN#c1"),
        "sk", AttributeValue.fromS("USER#u1"),
        "entity", AttributeValue.fromS("User"),
        "id", AttributeValue.fromS("u1"),
        "connectionId", AttributeValue.fromS("c1"),
        "document", AttributeValue.fromS(document));
  }

  @Test
  void everyAttributeTypeRoundTripsThroughDynamoDbJson() {
    Map<String, AttributeValue> image = Map.ofEntries(
        Map.entry("pk", AttributeValue.fromS("CONN#c1")),
        Map.entry("sk", AttributeValue.fromS("USER#u1")),
        Map.entry("n", AttributeValue.fromN("12.50")),
        Map.entry("b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))),
        Map.entry("bool", AttributeValue.fromBool(false)),
        Map.entry("nul", AttributeValue.fromNul(true)),
        Map.entry("ss", AttributeValue.fromSs(List.of("Group:Team", "Group:Ops"))),
        Map.entry("ns", AttributeValue.fromNs(List.of("1", "2"))),
        Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))),
        Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1")))),
        Map.entry("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromS("v")))));
    ParkedRecord record = parked(Map.of(), image);

    assertThat(ParkedRecordJson.read(ParkedRecordJson.write(record))).isEqualTo(record);
  }

  @Test
  void theKeysAreTakenFromTheImage() {
    ParkedRecord record = parked(user("{}"), Map.of());

    assertThat(record.keys()).containsOnlyKeys("pk", "sk").containsEntry("sk", AttributeValue.fromS("USER#u1"));
  }

  @Test
  void theImagesAreWrittenAsDynamoDbJson() {
    String json = ParkedRecordJson.write(parked(Map.of(), user("{\"userName\":\"ada\"}")));

    assertThat(json).contains("\"newImage\":{").contains("\"id\":{\"S\":\"u1\"}")
        .contains("\"failure\":\"java.lang.IllegalStateException\"").contains("\"recordedAt\":\"2026-12-04T10:15:30.123Z\"");
  }

  @Test
  void aRecordThatFitsIsKeptAsPlainJson() {
    ParkedRecord record = parked(Map.of(), user("{}"));

    assertThat(ParkedRecordJson.fitting(record, 10_000)).isEqualTo(ParkedRecordJson.write(record));
  }
}
