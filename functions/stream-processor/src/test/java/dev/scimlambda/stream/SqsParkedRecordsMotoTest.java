package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.emulators.MotoServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Parking in and redriving from moto's SQS through the real SDK (see MotoServer). */
class SqsParkedRecordsMotoTest {

  private SqsClient sqs;
  private String queueUrl;
  private SqsParkedRecords parked;

  @BeforeEach
  void connect() {
    assumeTrue(MotoServer.endpoint().isPresent(), MotoServer.UNAVAILABLE);
    sqs = SqsClient.builder()
        .endpointOverride(MotoServer.endpoint().get())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    queueUrl = sqs.createQueue(b -> b.queueName("parked-" + UUID.randomUUID())).queueUrl();
    parked = new SqsParkedRecords(sqs, queueUrl);
  }

  @AfterEach
  void close() {
    if (sqs != null) {
      sqs.deleteQueue(b -> b.queueUrl(queueUrl));
      sqs.close();
    }
  }

  private List<Message> queued() {
    return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
  }

  private List<ParkedRecord> redriveAll(boolean apply) {
    List<ParkedRecord> seen = new ArrayList<>();
    parked.redrive(new ParkedRecords.Redrive() {
      @Override
      public boolean reapply(ParkedRecord record) {
        seen.add(record);
        return apply;
      }

      @Override
      public void unreadable() {
        throw new AssertionError("unreadable message");
      }
    }, () -> true);
    return seen;
  }

  @Test
  void aParkedRecordIsAMessageHoldingItsKeysImagesAndFailure() throws Exception {
    parked.park(ParkedRecordJsonTest.parked(Map.of(), ParkedRecordJsonTest.user("{\"userName\":\"ada@example.com\"}")));

    List<Message> messages = queued();
    assertThat(messages).hasSize(1);
    JsonNode body = new ObjectMapper().readTree(messages.get(0).body());
    assertThat(body.at("/keys/sk/S").asText()).isEqualTo("USER#u1");
    assertThat(body.at("/newImage/document/S").asText()).isEqualTo("{\"userName\":\"ada@example.com\"}");
    assertThat(body.get("projection").asText()).isEqualTo("AppUserProjection");
    assertThat(body.get("failure").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(body.get("sequenceNumber").asText()).isEqualTo("4200000000012345");
  }

  @Test
  void aRecordOverTheMessageLimitIsCompressedAndRedrivenWhole() {
    // 600 KB of a document with many repeated members: over the limit as JSON, far under it gzipped.
    StringBuilder document = new StringBuilder("{\"members\":[");
    for (int i = 0; document.length() < 600_000; i++) {
      document.append("{\"value\":\"user-").append(i).append("\",\"display\":\"Member ").append(i).append("\"},");
    }
    ParkedRecord record = ParkedRecordJsonTest.parked(Map.of(), ParkedRecordJsonTest.user(document + "{}]}"));

    parked.park(record);

    assertThat(queued()).singleElement().satisfies(m -> assertThat(m.body()).startsWith(ParkedRecordJson.GZIP_PREFIX));
    assertThat(redriveAll(true)).containsExactly(record);
    assertThat(queued()).isEmpty();
  }

  @Test
  void aRecordTooLargeEvenCompressedKeepsItsKeysAndSmallAttributes() {
    byte[] noise = new byte[400_000];
    new Random(7).nextBytes(noise);
    ParkedRecord record = ParkedRecordJsonTest.parked(
        Map.of(), ParkedRecordJsonTest.user(Base64.getEncoder().encodeToString(noise)));

    parked.park(record);

    assertThat(redriveAll(false)).singleElement().satisfies(kept -> {
      assertThat(kept.imagesTrimmed()).isTrue();
      assertThat(kept.keys()).isEqualTo(record.keys());
      assertThat(kept.newImage()).containsKeys("pk", "sk", "entity", "id", "connectionId").doesNotContainKey("document");
    });
  }

  @Test
  void redriveDeletesTheRecordsItAppliedAndLeavesTheOthersVisible() {
    parked.park(ParkedRecordJsonTest.parked(Map.of(), ParkedRecordJsonTest.user("{\"userName\":\"applies\"}")));
    parked.park(ParkedRecordJsonTest.parked(Map.of(), ParkedRecordJsonTest.user("{\"userName\":\"fails\"}")));

    parked.redrive(new ParkedRecords.Redrive() {
      @Override
      public boolean reapply(ParkedRecord record) {
        return record.newImage().get("document").s().contains("applies");
      }

      @Override
      public void unreadable() {}
    }, () -> true);

    assertThat(queued()).singleElement().satisfies(m -> assertThat(m.body()).contains("fails"));
  }
}
