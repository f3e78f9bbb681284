package dev.scimlambda.stream;

import dev.scimlambda.runtime.SqsWebhookOutbox;
import static dev.scimlambda.stream.SqsWebhookOutboxMotoTest.drain;
import static dev.scimlambda.stream.SqsWebhookOutboxMotoTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.scimlambda.emulators.MotoServer;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.OutboundEventJson;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The delivery function's side of the outbox on moto's SQS: what each outcome of an attempt does to
 * the message, as Lambda's event source mapping would hand it over.
 */
class WebhookDeliveryQueueMotoTest {

  private SqsClient sqs;
  private String outboxUrl;
  private String deadLetterUrl;
  private final List<OutboundEvent> attempted = new ArrayList<>();

  @BeforeEach
  void connect() {
    assumeTrue(MotoServer.endpoint().isPresent(), MotoServer.UNAVAILABLE);
    sqs = SqsWebhookOutboxMotoTest.motoSqs();
    outboxUrl = sqs.createQueue(b -> b.queueName("outbox-" + UUID.randomUUID())).queueUrl();
    deadLetterUrl = sqs.createQueue(b -> b.queueName("outbox-dlq-" + UUID.randomUUID())).queueUrl();
  }

  @AfterEach
  void close() {
    if (sqs != null) {
      sqs.deleteQueue(b -> b.queueUrl(outboxUrl));
      sqs.deleteQueue(b -> b.queueUrl(deadLetterUrl));
      sqs.close();
    }
  }

  /** Enqueues through the outbox and receives as the event source mapping does. */
  private SQSEvent queued(OutboundEvent... events) {
    new SqsWebhookOutbox(sqs, outboxUrl, new RetryPolicy(1, Duration.ZERO, Duration.ZERO)).enqueue(List.of(events));
    // Visible again at once unless the consumer hides it: what it does is then all that keeps it hidden.
    List<Message> received = sqs.receiveMessage(b -> b.queueUrl(outboxUrl).maxNumberOfMessages(10).visibilityTimeout(0))
        .messages();
    SQSEvent batch = new SQSEvent();
    batch.setRecords(received.stream().map(m -> {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId(m.messageId());
      message.setReceiptHandle(m.receiptHandle());
      message.setBody(m.body());
      return message;
    }).toList());
    return batch;
  }

  private SQSBatchResponse consume(SQSEvent batch, DeliveryOutcome outcome) {
    WebhookDeliveries deliveries = event -> {
      attempted.add(event);
      return outcome;
    };
    return new WebhookDeliveryQueue(sqs, outboxUrl, deadLetterUrl, deliveries).consume(batch);
  }

  private static List<String> failed(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  @Test
  void eachMessageIsOneAttemptOfTheEventItHolds() {
    OutboundEvent first = event("ws1", 1, "{\"n\":1}");
    OutboundEvent second = event("ws2", 2, "{\"n\":2}");

    SQSBatchResponse response = consume(queued(first, second), new DeliveryOutcome.Delivered());

    assertThat(attempted).containsExactlyInAnyOrder(first, second);
    assertThat(failed(response)).isEmpty();
  }

  @Test
  void aRetryIsReportedFailedAndHiddenForItsDelay() {
    SQSEvent batch = queued(event("ws1", 1, "{}"));

    SQSBatchResponse response = consume(batch, new DeliveryOutcome.RetryAfter(Duration.ofMinutes(10)));

    assertThat(failed(response)).containsExactly(batch.getRecords().get(0).getMessageId());
    assertThat(drain(sqs, outboxUrl)).as("hidden until the retry").isEmpty();
    assertThat(drain(sqs, deadLetterUrl)).isEmpty();
  }

  @Test
  void aRetryLaterThanSqsCanHideIsHiddenAsLongAsSqsAllows() {
    SQSEvent batch = queued(event("ws1", 1, "{}"));

    SQSBatchResponse response = consume(batch, new DeliveryOutcome.RetryAfter(Duration.ofDays(2)));

    assertThat(failed(response)).hasSize(1);
    assertThat(drain(sqs, outboxUrl)).as("hidden").isEmpty();
  }

  @Test
  void anEventGivenUpOnIsInTheDeadLetterQueueWhole() {
    OutboundEvent event = event("ws1", 1, "{\"id\":\"evt_1\",\"data\":{\"userName\":\"ada@example.com\"}}");

    SQSBatchResponse response = consume(queued(event), new DeliveryOutcome.GaveUp("receiver kept answering 503"));

    assertThat(failed(response)).as("done with: Lambda deletes it from the outbox").isEmpty();
    assertThat(drain(sqs, deadLetterUrl)).singleElement()
        .satisfies(m -> assertThat(OutboundEventJson.read(m.body())).isEqualTo(event));
  }

  @Test
  void aDroppedEventIsDoneWithAndNotDeadLettered() {
    SQSBatchResponse response = consume(queued(event("ws1", 1, "{}")), new DeliveryOutcome.Dropped("webhook deleted"));

    assertThat(failed(response)).isEmpty();
    assertThat(drain(sqs, deadLetterUrl)).isEmpty();
  }

  @Test
  void aMessageThatIsNoEventGoesToTheDeadLetterQueueUnattempted() {
    sqs.sendMessage(b -> b.queueUrl(outboxUrl).messageBody("not an event"));
    SQSEvent batch = queued();

    SQSBatchResponse response = consume(batch, new DeliveryOutcome.Delivered());

    assertThat(attempted).isEmpty();
    assertThat(failed(response)).isEmpty();
    assertThat(drain(sqs, deadLetterUrl)).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("not an event"));
  }

  @Test
  void anAttemptThatThrowsIsReportedFailedForTheQueueToRedeliver() {
    SQSEvent batch = queued(event("ws1", 1, "{}"));
    WebhookDeliveries broken = event -> {
      throw new IllegalStateException("table unavailable");
    };

    SQSBatchResponse response = new WebhookDeliveryQueue(sqs, outboxUrl, deadLetterUrl, broken).consume(batch);

    assertThat(failed(response)).containsExactly(batch.getRecords().get(0).getMessageId());
  }
}
