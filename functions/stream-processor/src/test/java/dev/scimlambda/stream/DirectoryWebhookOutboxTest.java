package dev.scimlambda.stream;

import static dev.scimlambda.stream.SqsWebhookOutboxMotoTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.OutboundEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack's webhook outbox: a directory, one file per pending event. */
class DirectoryWebhookOutboxTest {

  @TempDir Path dir;

  private final OutboundEvent first = event("ws1", 1, "{\"n\":1}");
  private final OutboundEvent second = event("ws2", 2, "{\"n\":2}");

  private static List<OutboundEvent> events(List<DirectoryWebhookOutbox.Pending> pending) {
    return pending.stream().map(DirectoryWebhookOutbox.Pending::event).toList();
  }

  @Test
  void enqueuedEventsAreDueAtOnce() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);

    outbox.enqueue(List.of(first, second));

    assertThat(events(outbox.due(Instant.now(), 10))).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void anEventThatArrivedAfterTheWorkerLookedEndsItsWaitAtOnce() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    long seen = outbox.arrivals();
    outbox.enqueue(List.of(first));

    // Slept through, the wait would last the full ten minutes.
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> outbox.awaitArrival(seen, Duration.ofMinutes(10).toMillis()));
  }

  @Test
  void pendingEventsOutliveTheOutboxThatStoredThem() {
    new DirectoryWebhookOutbox(dir).enqueue(List.of(first, second));

    DirectoryWebhookOutbox afterRestart = new DirectoryWebhookOutbox(dir);

    assertThat(events(afterRestart.pending())).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void aRetriedEventIsNotDueBeforeItsDelay() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    outbox.enqueue(List.of(first));
    Instant now = Instant.now();

    outbox.settle(first, new DeliveryOutcome.RetryAfter(Duration.ofMinutes(5)), now);

    assertThat(outbox.due(now.plus(Duration.ofMinutes(4)), 10)).isEmpty();
    assertThat(events(outbox.due(now.plus(Duration.ofMinutes(5)), 10))).containsExactly(first);
    assertThat(outbox.nextDue()).contains(now.plus(Duration.ofMinutes(5)));
  }

  @Test
  void deliveredAndDroppedEventsLeaveTheOutbox() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    outbox.enqueue(List.of(first, second));

    outbox.settle(first, new DeliveryOutcome.Delivered(), Instant.now());
    outbox.settle(second, new DeliveryOutcome.Dropped("webhook deleted"), Instant.now());

    assertThat(outbox.pending()).isEmpty();
    assertThat(outbox.deadLetters()).isEmpty();
  }

  @Test
  void anEventGivenUpOnIsKeptWholeAmongTheDeadLetters() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    outbox.enqueue(List.of(first));

    outbox.settle(first, new DeliveryOutcome.GaveUp("out of attempts"), Instant.now());

    assertThat(outbox.pending()).isEmpty();
    assertThat(outbox.deadLetters()).containsExactly(first);
  }

  @Test
  void anEventEnqueuedAgainWhilePendingKeepsItsPlaceInTheSchedule() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    outbox.enqueue(List.of(first));
    Instant retryAt = Instant.now().plus(Duration.ofMinutes(5));
    outbox.settle(first, new DeliveryOutcome.RetryAfter(Duration.ofMinutes(5)), retryAt.minus(Duration.ofMinutes(5)));

    outbox.enqueue(List.of(first));

    assertThat(outbox.pending()).singleElement().satisfies(p -> assertThat(p.due()).isEqualTo(retryAt));
  }

  @Test
  void eventsDueTogetherComeInTheOrderTheyWereEnqueued() {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    List<OutboundEvent> events = java.util.stream.IntStream.range(0, 30).mapToObj(n -> event("ws1", n, "{}")).toList();
    outbox.enqueue(events);

    assertThat(events(outbox.pending())).containsExactlyElementsOf(events);
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    DirectoryWebhookOutbox outbox = new DirectoryWebhookOutbox(dir);
    outbox.enqueue(List.of(first, second));
    outbox.settle(first, new DeliveryOutcome.RetryAfter(Duration.ofSeconds(1)), Instant.now());

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
