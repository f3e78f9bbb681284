package dev.scimlambda.stream;

import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stack's delivery function: a thread that takes the due events of the
 * {@link DirectoryWebhookOutbox} and attempts each with the same {@link WebhookDeliveries} the
 * deployed function uses, keeping a retried event in the outbox until it is due again. Stopping
 * lets the attempt under way finish; an event whose attempt was cut short by a kill is still in the
 * outbox and is attempted again after a restart (same webhook-id).
 */
public final class LocalWebhookDelivery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalWebhookDelivery.class);
  /** Events taken per pass; the next pass sees events that arrived meanwhile. */
  static final int BATCH = 10;
  /** Longest sleep between passes, should a wake-up be missed. */
  static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final DirectoryWebhookOutbox outbox;
  private final WebhookDeliveries deliveries;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running = true;

  public LocalWebhookDelivery(DirectoryWebhookOutbox outbox, WebhookDeliveries deliveries, Clock clock) {
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.clock = clock;
    this.thread = new Thread(this::run, "webhook-delivery");
    this.thread.setDaemon(true);
  }

  public LocalWebhookDelivery start() {
    thread.start();
    return this;
  }

  private void run() {
    while (running) {
      try {
        long seen = outbox.arrivals();
        List<DirectoryWebhookOutbox.Pending> due = outbox.due(clock.instant(), BATCH);
        for (DirectoryWebhookOutbox.Pending pending : due) {
          if (!running) {
            return;
          }
          attempt(pending);
        }
        if (due.isEmpty()) {
          outbox.awaitArrival(seen, untilNextDue());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The outbox keeps the event; the next pass tries again.
        LOG.error("webhook delivery pass failed", e);
        sleepQuietly(IDLE_POLL.toMillis());
      }
    }
  }

  private void attempt(DirectoryWebhookOutbox.Pending pending) {
    DeliveryOutcome outcome = deliveries.attempt(pending.event());
    outbox.settle(pending.event(), outcome, clock.instant());
  }

  private long untilNextDue() {
    long idle = IDLE_POLL.toMillis();
    return outbox.nextDue()
        .map(due -> Math.max(1, Math.min(idle, Duration.between(clock.instant(), due).toMillis())))
        .orElse(idle);
  }

  private void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      running = false;
    }
  }

  /** Stops taking events and waits for the attempt under way, at most {@code grace}. */
  public void stop(Duration grace) {
    running = false;
    outbox.wakeUp();
    try {
      thread.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

}
