package dev.scimlambda.stream;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.OutboundEventJson;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the delivery function does with a batch of the outbox queue: one attempt per message. The
 * queue is the schedule: a message to retry is hidden for the delay the engine asks for and
 * reported failed, so SQS keeps it (and Lambda does not delete it); one given up on goes to the
 * dead-letter queue whole, ready to be replayed. A message that fails in an unexpected way is
 * reported failed too and comes back after the queue's visibility timeout; the redrive policy's
 * high maxReceiveCount moves it to the dead-letter queue if that never ends.
 */
public final class WebhookDeliveryQueue {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryQueue.class);
  /**
   * SQS hides a message for at most 12 hours counted from when it was received, and refuses more;
   * less the 15 minutes a Lambda invocation (batching window included) can have held it already. A
   * longer delay takes more than one hop: the engine answers RetryAfter again when it comes back early.
   */
  static final Duration MAX_VISIBILITY = Duration.ofHours(12).minusMinutes(15);

  private final SqsClient sqs;
  private final String outboxUrl;
  private final String deadLetterUrl;
  private final WebhookDeliveries deliveries;

  public WebhookDeliveryQueue(SqsClient sqs, String outboxUrl, String deadLetterUrl, WebhookDeliveries deliveries) {
    this.sqs = sqs;
    this.outboxUrl = outboxUrl;
    this.deadLetterUrl = deadLetterUrl;
    this.deliveries = deliveries;
  }

  public SQSBatchResponse consume(SQSEvent batch) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : batch.getRecords()) {
      if (!settled(message)) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** Whether the message is done with: delivered, dropped, or in the dead-letter queue. */
  private boolean settled(SQSEvent.SQSMessage message) {
    OutboundEvent event;
    try {
      event = OutboundEventJson.read(message.getBody());
    } catch (RuntimeException e) {
      // Not ours to understand: kept whole where an operator looks.
      LOG.error("outbox message {} is not an outbound event; moved to the dead-letter queue", message.getMessageId());
      return deadLettered(message);
    }
    DeliveryOutcome outcome;
    try {
      outcome = deliveries.attempt(event);
    } catch (RuntimeException e) {
      LOG.error("delivering event {} of workspace {} failed unexpectedly", event.eventId(), event.workspaceId(), e);
      return false;
    }
    if (outcome instanceof DeliveryOutcome.RetryAfter retry) {
      hide(message, retry.delay());
      return false;
    }
    if (outcome instanceof DeliveryOutcome.GaveUp gaveUp) {
      LOG.warn("gave up delivering event {} ({}) of workspace {}: {}; moved to the dead-letter queue",
          event.eventId(), event.eventType(), event.workspaceId(), gaveUp.reason());
      return deadLettered(message);
    }
    return true;
  }

  private void hide(SQSEvent.SQSMessage message, Duration delay) {
    Duration hidden = delay.compareTo(MAX_VISIBILITY) > 0 ? MAX_VISIBILITY : delay.isNegative() ? Duration.ZERO : delay;
    try {
      sqs.changeMessageVisibility(b -> b.queueUrl(outboxUrl).receiptHandle(message.getReceiptHandle())
          .visibilityTimeout((int) hidden.toSeconds()));
    } catch (RuntimeException e) {
      // Still reported failed: it comes back after the queue's own visibility timeout instead.
      LOG.warn("could not hide outbox message {} for {}: {}", message.getMessageId(), hidden, e.toString());
    }
  }

  /** False when the dead-letter queue did not take it: the message then stays in the outbox. */
  private boolean deadLettered(SQSEvent.SQSMessage message) {
    try {
      sqs.sendMessage(b -> b.queueUrl(deadLetterUrl).messageBody(message.getBody()));
      return true;
    } catch (RuntimeException e) {
      LOG.error("could not move outbox message {} to the dead-letter queue: {}", message.getMessageId(), e.toString());
      return false;
    }
  }
}
