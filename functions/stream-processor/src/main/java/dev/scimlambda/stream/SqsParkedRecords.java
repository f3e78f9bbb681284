package dev.scimlambda.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Parked records as messages of an SQS queue, the record's JSON as the body. A body over
 * {@link #MAX_MESSAGE_BYTES} is compressed, and trimmed if it still does not fit (see
 * {@link ParkedRecordJson#fitting}).
 */
public final class SqsParkedRecords implements ParkedRecords {

  /**
   * SQS's long-standing limit, which moto enforces too. AWS allows 1 MiB since August 2025, but a
   * queue created with a smaller MaximumMessageSize would refuse more; compression brings nearly
   * every record under this anyway.
   */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;
  /**
   * How long a received record stays hidden: longer than the redrive function's timeout, so one run
   * sees each record once. Those it could not apply are made visible again at the end of the run.
   */
  static final int VISIBILITY_TIMEOUT_SECONDS = 900;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsParkedRecords(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void park(ParkedRecord record) {
    String body = ParkedRecordJson.fitting(record, MAX_MESSAGE_BYTES);
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  @Override
  public void redrive(Redrive redrive, BooleanSupplier timeLeft) {
    List<String> keptHandles = new ArrayList<>();
    try {
      while (timeLeft.getAsBoolean()) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
            .visibilityTimeout(VISIBILITY_TIMEOUT_SECONDS).waitTimeSeconds(1)).messages();
        if (messages.isEmpty()) {
          return;
        }
        for (Message message : messages) {
          if (applied(redrive, message)) {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
          } else {
            keptHandles.add(message.receiptHandle());
          }
        }
      }
    } finally {
      // Visible again now, so the next run and an operator looking at the queue see them.
      keptHandles.forEach(handle ->
          sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(handle).visibilityTimeout(0)));
    }
  }

  private static boolean applied(Redrive redrive, Message message) {
    ParkedRecord record;
    try {
      record = ParkedRecordJson.read(message.body());
    } catch (RuntimeException e) {
      redrive.unreadable();
      return false;
    }
    return redrive.reapply(record);
  }
}
