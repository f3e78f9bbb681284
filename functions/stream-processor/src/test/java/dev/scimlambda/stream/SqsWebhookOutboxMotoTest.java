package dev.scimlambda.stream;

import dev.scimlambda.runtime.SqsWebhookOutbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimlambda.emulators.MotoServer;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.OutboundEventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The webhook outbox on moto's SQS through the real SDK (see MotoServer). */
class SqsWebhookOutboxMotoTest {

  private SqsClient sqs;
  private String queueUrl;
  private SqsWebhookOutbox outbox;

  static SqsClient motoSqs() {
    return SqsClient.builder()
        .endpointOverride(MotoServer.endpoint().get())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static OutboundEvent event(String workspaceId, int n, String body) {
    return new OutboundEvent(workspaceId, "evt_" + n, "user.created", Instant.parse("2026-12-05T03:00:00Z"), body);
  }

  static List<Message> drain(SqsClient sqs, String queueUrl) {
    List<Message> all = new ArrayList<>();
    for (List<Message> got; !(got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
        .visibilityTimeout(60)).messages()).isEmpty(); ) {
      all.addAll(got);
    }
    return all;
  }

  @BeforeEach
  void connect() {
    assumeTrue(MotoServer.endpoint().isPresent(), MotoServer.UNAVAILABLE);
    sqs = motoSqs();
    queueUrl = sqs.createQueue(b -> b.queueName("outbox-" + UUID.randomUUID())).queueUrl();
    outbox = new SqsWebhookOutbox(sqs, queueUrl, new RetryPolicy(2, Duration.ZERO, Duration.ZERO));
  }

  @AfterEach
  void close() {
    if (sqs != null) {
      sqs.deleteQueue(b -> b.queueUrl(queueUrl));
      sqs.close();
    }
  }

  @Test
  void eachEventIsOneMessageHoldingTheFullEvent() {
    OutboundEvent event = event("ws1", 1, "{\"id\":\"evt_1\",\"data\":{\"userName\":\"ada@example.com\"}}");

    outbox.enqueue(List.of(event));

    assertThat(drain(sqs, queueUrl)).singleElement()
        .satisfies(m -> assertThat(OutboundEventJson.read(m.body())).isEqualTo(event));
  }

  @Test
  void moreEventsThanABatchTakesAreAllSent() {
    List<OutboundEvent> events = IntStream.range(0, 23).mapToObj(n -> event("ws1", n, "{\"n\":" + n + "}")).toList();

    outbox.enqueue(events);

    assertThat(drain(sqs, queueUrl)).map(m -> OutboundEventJson.read(m.body())).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void anEventOverTheQueuesMessageLimitArrivesCompressedAndWhole() {
    // A group event listing many members: random enough to stay large when gzipped is not the point.
    StringBuilder members = new StringBuilder("{\"members\":[");
    for (int i = 0; i < 20_000; i++) {
      members.append(i == 0 ? "" : ",").append("{\"value\":\"user-").append(i).append("\"}");
    }
    OutboundEvent large = event("ws1", 1, members.append("]}").toString());
    assertThat(OutboundEventJson.write(large).length()).isGreaterThan(SqsWebhookOutbox.MAX_MESSAGE_BYTES);

    outbox.enqueue(List.of(large));

    assertThat(drain(sqs, queueUrl)).singleElement()
        .satisfies(m -> assertThat(OutboundEventJson.read(m.body())).isEqualTo(large));
  }

  @Test
  void anEventTooLargeEvenCompressedIsRefusedBeforeAnythingIsSent() {
    byte[] noise = new byte[400 * 1024];
    new Random(7).nextBytes(noise);
    OutboundEvent huge = event("ws1", 2, "{\"blob\":\"" + java.util.Base64.getEncoder().encodeToString(noise) + "\"}");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.enqueue(List.of(event("ws1", 1, "{}"), huge)))
        .isInstanceOf(OutboundEventJson.EventTooLargeException.class);
    assertThat(drain(sqs, queueUrl)).isEmpty();
  }
}
