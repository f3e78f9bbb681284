package dev.scimlambda.stream;

import static dev.scimlambda.stream.SqsWebhookOutboxMotoTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack's delivery worker over its directory outbox. */
class LocalWebhookDeliveryTest {

  @TempDir Path dir;

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void enqueuedEventsAreAttemptedAndLeaveTheOutboxWhenDelivered() throws InterruptedException {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    List<OutboundEvent> attempted = new CopyOnWriteArrayList<>();
    WebhookDeliveries deliveries = event -> {
      attempted.add(event);
      return new DeliveryOutcome.Delivered();
    };
    try (LocalWebhookDelivery worker = new LocalWebhookDelivery(outbox, deliveries, Clock.systemUTC()).start()) {
      outbox.enqueue(List.of(event("ws1", 1, "{}"), event("ws1", 2, "{}")));

      await(() -> outbox.pending().isEmpty());
    }
    assertThat(attempted).extracting(OutboundEvent::eventId).containsExactlyInAnyOrder("evt_1", "evt_2");
  }

  @Test
  void anEventToRetryIsAttemptedAgainOnceDue() throws InterruptedException {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    List<OutboundEvent> attempted = new CopyOnWriteArrayList<>();
    WebhookDeliveries deliveries = event -> {
      attempted.add(event);
      return attempted.size() == 1 ? new DeliveryOutcome.RetryAfter(Duration.ofMillis(200)) : new DeliveryOutcome.Delivered();
    };
    try (LocalWebhookDelivery worker = new LocalWebhookDelivery(outbox, deliveries, Clock.systemUTC()).start()) {
      outbox.enqueue(List.of(event("ws1", 1, "{}")));

      await(() -> outbox.pending().isEmpty());
    }
    assertThat(attempted).extracting(OutboundEvent::eventId).containsExactly("evt_1", "evt_1");
  }

  @Test
  void stoppingLetsTheAttemptUnderWayFinishAndKeepsTheRestPending() throws InterruptedException {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    CountDownLatch attempting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookDeliveries slow = event -> {
      attempting.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new DeliveryOutcome.Delivered();
    };
    LocalWebhookDelivery worker = new LocalWebhookDelivery(outbox, slow, Clock.systemUTC()).start();
    outbox.enqueue(List.of(event("ws1", 1, "{}"), event("ws1", 2, "{}"), event("ws1", 3, "{}")));
    attempting.await();

    Thread stopping = new Thread(() -> worker.stop(Duration.ofSeconds(20)));
    stopping.start();
    // Stopping has begun once the stopper waits for the worker: only then does the attempt finish.
    while (stopping.getState() != Thread.State.TIMED_WAITING) {
      Thread.sleep(1);
    }
    release.countDown();
    stopping.join();

    assertThat(outbox.pending()).as("one delivered, the others left for the next start").hasSize(2);
  }
}
