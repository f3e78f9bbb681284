package dev.scimlambda.directorysync.function;

import dev.scimlambda.directorysync.SyncDispatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A run goes on in the sync function: a message on the sync queue, delayed until the run may go
 * on. SQS delays at most 15 minutes; a longer pause (a provider's quota window) is waited out by the
 * run itself, which answers an early message with the time to come back.
 */
final class SqsSyncDispatch implements SyncDispatch {

  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private final SqsClient sqs;
  private final String queueUrl;
  private final Clock clock;

  SqsSyncDispatch(SqsClient sqs, String queueUrl, Clock clock) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.clock = clock;
  }

  @Override
  public void continueAt(String connectionId, String runId, Instant at) {
    Duration delay = Duration.between(clock.instant(), at);
    long seconds = delay.isNegative() ? 0 : Math.min(MAX_DELAY.toSeconds(), delay.toSeconds());
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(SyncMessages.work(connectionId, runId))
        .delaySeconds((int) seconds));
  }
}
