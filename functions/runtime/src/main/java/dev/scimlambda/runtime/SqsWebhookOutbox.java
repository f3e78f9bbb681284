package dev.scimlambda.runtime;

import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.OutboundEventJson;
import dev.scimlambda.events.delivery.WebhookOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The outbox as an SQS queue: one message per event, the full event as its body (see
 * {@link OutboundEventJson}), sent ten at a time. SendMessageBatch can take some entries of a call and
 * refuse others; the refused ones are sent again with backoff, and if some still fail this throws so
 * the stream redelivers the change (the delivery id stays the event id, so a receiver sees at worst
 * the same webhook-id twice).
 */
public final class SqsWebhookOutbox implements WebhookOutbox {

  /** SendMessageBatch takes at most 10 entries a call. */
  static final int MAX_ENTRIES = 10;
  /**
   * SQS's long-standing message limit, which moto enforces too, and the template's
   * MaximumMessageSize for the outbox. AWS allows 1 MiB now, but a batch call is limited to that
   * sum as well; larger events are gzipped ({@link OutboundEventJson#fitting}).
   */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;

  private final SqsClient sqs;
  private final String queueUrl;
  private final RetryPolicy retries;

  public SqsWebhookOutbox(SqsClient sqs, String queueUrl, RetryPolicy retries) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.retries = retries;
  }

  @Override
  public void enqueue(List<OutboundEvent> events) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      entries.add(SendMessageBatchRequestEntry.builder()
          .id(Integer.toString(i))
          .messageBody(OutboundEventJson.fitting(events.get(i), MAX_MESSAGE_BYTES))
          .build());
    }
    // One message of up to 256 KiB per call keeps a call under SQS's 256 KiB batch payload too.
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
    int batchBytes = 0;
    for (SendMessageBatchRequestEntry entry : entries) {
      int bytes = entry.messageBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (batch.size() == MAX_ENTRIES || (!batch.isEmpty() && batchBytes + bytes > MAX_MESSAGE_BYTES)) {
        sendAll(batch);
        batch = new ArrayList<>();
        batchBytes = 0;
      }
      batch.add(entry);
      batchBytes += bytes;
    }
    if (!batch.isEmpty()) {
      sendAll(batch);
    }
  }

  private void sendAll(List<SendMessageBatchRequestEntry> batch) {
    List<SendMessageBatchRequestEntry> pending = batch;
    for (int attempt = 1; ; attempt++) {
      List<SendMessageBatchRequestEntry> sent = pending;
      SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sent));
      if (!response.hasFailed() || response.failed().isEmpty()) {
        return;
      }
      Set<String> refused = response.failed().stream().map(BatchResultErrorEntry::id).collect(Collectors.toSet());
      pending = sent.stream().filter(e -> refused.contains(e.id())).toList();
      if (!retries.allowsAnotherAfter(attempt)) {
        BatchResultErrorEntry first = response.failed().get(0);
        throw new IllegalStateException(pending.size() + " events refused by the webhook outbox after " + attempt
            + " attempts; first error: " + first.code() + (first.senderFault() ? " (sender fault)" : ""));
      }
      retries.pauseAfter(attempt);
    }
  }
}
