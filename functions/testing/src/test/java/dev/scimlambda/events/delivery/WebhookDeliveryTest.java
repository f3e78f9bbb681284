package dev.scimlambda.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.events.Webhooks;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.testing.WebhookReceiver;
import dev.scimlambda.workspace.Workspaces;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery engine as every function's context builds it, on DynamoDB Local, posting to a
 * receiver on 127.0.0.1 that verifies each Standard Webhooks signature. The retry base is ten
 * seconds, so an open circuit stays open for the test; nothing here waits for a delay.
 */
class WebhookDeliveryTest {

  private TestStack stack;
  private Webhooks webhooks;
  private WebhookDeliveries deliveries;
  private DeliveryLog log;
  private CircuitStore circuits;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() {
    stack = TestStack.start(Map.of(Setting.WEBHOOK_RETRY_BASE.property(), "PT10S"));
    stack.context().getBean(Workspaces.class).ensureDefault();
    webhooks = stack.context().getBean(Webhooks.class);
    deliveries = stack.context().getBean(WebhookDeliveries.class);
    log = stack.context().getBean(DeliveryLog.class);
    circuits = stack.context().getBean(CircuitStore.class);
    receiver = new WebhookReceiver();
    webhooks.configure("default", receiver.url(), true).signingSecret().ifPresent(receiver::useSecret);
  }

  @AfterEach
  void stop() {
    receiver.close();
    stack.close();
  }

  private static OutboundEvent event() {
    String id = UUID.randomUUID().toString();
    return new OutboundEvent("default", id, "user.created", Instant.now().truncatedTo(ChronoUnit.MILLIS),
        "{\"id\":\"" + id + "\",\"type\":\"user.created\"}");
  }

  private Delivery logged(OutboundEvent event) {
    return log.find("default", Delivery.idOf(event)).orElseThrow();
  }

  @Test
  void aReceiverAnswering2xxHasTheEventDeliveredSignedAndLogged() {
    OutboundEvent event = event();
    assertThat(deliveries.attempt(event)).isEqualTo(new DeliveryOutcome.Delivered());
    WebhookReceiver.Delivery received = receiver.deliveries().get(0);
    assertThat(received.signatureValid()).isTrue();
    assertThat(received.body()).isEqualTo(event.body());
    assertThat(received.headers()).containsEntry("webhook-id", event.eventId())
        .containsEntry("content-type", "application/cloudevents+json")
        .containsEntry("user-agent", "scim-lambda-webhooks")
        .containsEntry("scim-event-id", event.eventId())
        .containsEntry("scim-event-type", "user.created");
    Delivery delivery = logged(event);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivery.attempts()).singleElement().satisfies(a -> {
      assertThat(a.statusCode()).isEqualTo(OptionalInt.of(200));
      assertThat(a.error()).isEmpty();
    });
  }

  @Test
  void aServerErrorIsRetriedUnderTheSameWebhookIdAndTheRetryDelivers() {
    receiver.answer(503);
    OutboundEvent event = event();
    DeliveryOutcome first = deliveries.attempt(event);
    assertThat(first).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(((DeliveryOutcome.RetryAfter) first).delay()).isBetween(Duration.ofMillis(7500), Duration.ofSeconds(10));
    Delivery retrying = logged(event);
    assertThat(retrying.status()).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(retrying.nextAttemptAt()).isPresent();
    assertThat(retrying.attempts()).singleElement().satisfies(a -> assertThat(a.error()).isEqualTo("status 503"));

    assertThat(deliveries.attempt(event)).isEqualTo(new DeliveryOutcome.Delivered());
    assertThat(receiver.deliveries()).extracting(d -> d.headers().get("webhook-id"))
        .containsExactly(event.eventId(), event.eventId());
    assertThat(logged(event).attempts()).extracting(a -> a.statusCode().getAsInt()).containsExactly(503, 200);
  }

  @Test
  void aClientErrorIsRetriedToo() {
    receiver.answer(404);
    OutboundEvent event = event();
    assertThat(deliveries.attempt(event)).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(logged(event).attempts()).singleElement().satisfies(a -> assertThat(a.statusCode()).hasValue(404));
  }

  @Test
  void aRedirectIsNotFollowedAndCountsAsAFailure() {
    receiver.answer(307);
    OutboundEvent event = event();
    assertThat(deliveries.attempt(event)).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(receiver.deliveries()).hasSize(1);
    assertThat(logged(event).attempts().get(0).error()).contains("redirects are not followed");
  }

  @Test
  void noAnswerIsRetriedAndLoggedWithoutAStatus() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    webhooks.configure("default", "http://127.0.0.1:" + closedPort + "/hook", true);
    OutboundEvent event = event();
    assertThat(deliveries.attempt(event)).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(logged(event).attempts()).singleElement().satisfies(a -> {
      assertThat(a.statusCode()).isEmpty();
      assertThat(a.error()).startsWith("no answer");
    });
  }

  @Test
  void aFailedLastAttemptGivesUpAndTheLogSaysFailed() {
    OutboundEvent event = event();
    Delivery almostSpent = Delivery.pending(event, Instant.now());
    log.save(new Delivery(almostSpent.workspaceId(), almostSpent.id(), event.eventId(), event.eventType(),
        event.occurredAt(), almostSpent.createdAt(), DeliveryStatus.RETRYING, DeliverySchedule.DEFAULT_MAX_ATTEMPTS - 1,
        List.of(), Optional.empty(), "status 500", event.body()));
    receiver.answer(500);
    assertThat(deliveries.attempt(event)).isInstanceOf(DeliveryOutcome.GaveUp.class);
    assertThat(logged(event).status()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void attemptingAFailedDeliveryAgainStartsANewSeries() {
    OutboundEvent event = event();
    Delivery failed = Delivery.pending(event, Instant.now());
    log.save(new Delivery(failed.workspaceId(), failed.id(), event.eventId(), event.eventType(), event.occurredAt(),
        failed.createdAt(), DeliveryStatus.FAILED, DeliverySchedule.DEFAULT_MAX_ATTEMPTS, List.of(), Optional.empty(),
        "gave up", event.body()));
    receiver.answer(500);
    assertThat(deliveries.attempt(event)).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(logged(event).attemptsInSeries()).isEqualTo(1);
  }

  @Test
  void withoutAnEnabledWebhookTheEventIsDroppedAndLoggedAsDropped() {
    webhooks.configure("default", receiver.url(), false);
    OutboundEvent event = event();
    assertThat(deliveries.attempt(event)).isInstanceOf(DeliveryOutcome.Dropped.class);
    assertThat(receiver.deliveries()).isEmpty();
    assertThat(logged(event).status()).isEqualTo(DeliveryStatus.DROPPED);
  }

  @Test
  void afterFiveConsecutiveFailuresTheCircuitHoldsEventsBackWithoutAttemptingThem() {
    receiver.answer(500, 500, 500, 500, 500);
    for (int i = 0; i < EndpointCircuit.DEFAULT_THRESHOLD; i++) {
      deliveries.attempt(event());
    }
    OutboundEvent held = event();
    DeliveryOutcome outcome = deliveries.attempt(held);
    assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(receiver.deliveries()).hasSize(EndpointCircuit.DEFAULT_THRESHOLD);
    assertThat(logged(held).attemptsInSeries()).isZero();
    assertThat(logged(held).attempts()).isEmpty();
  }

  @Test
  void aSuccessfulProbeOfAHalfOpenCircuitClosesIt() {
    for (int i = 0; i < EndpointCircuit.DEFAULT_THRESHOLD; i++) {
      circuits.recordFailure("default");
    }
    circuits.open("default", Instant.now().minusMillis(1), 1);
    assertThat(deliveries.attempt(event())).isEqualTo(new DeliveryOutcome.Delivered());
    assertThat(circuits.find("default")).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anEventTheLogShowsDeliveredIsNotSentAgain() {
    OutboundEvent event = event();
    deliveries.attempt(event);
    assertThat(deliveries.attempt(event)).isEqualTo(new DeliveryOutcome.Delivered());
    assertThat(receiver.deliveries()).hasSize(1);
    assertThat(logged(event).attempts()).hasSize(1);
  }

  @Test
  void aFailedProbeReopensTheCircuitForLonger() {
    for (int i = 0; i < EndpointCircuit.DEFAULT_THRESHOLD; i++) {
      circuits.recordFailure("default");
    }
    circuits.open("default", Instant.now().minusMillis(1), 1);
    receiver.answer(500);
    Instant probed = Instant.now();
    assertThat(deliveries.attempt(event())).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    CircuitState reopened = circuits.find("default");
    assertThat(reopened.openings()).isEqualTo(2);
    // Twice the ten-second base the first opening would have used.
    assertThat(reopened.openUntil()).hasValueSatisfying(until -> assertThat(until).isAfter(probed.plusSeconds(15)));
  }

  @Test
  void whileAnotherConsumerProbesAHalfOpenCircuitTheEventWaitsUnattempted() {
    for (int i = 0; i < EndpointCircuit.DEFAULT_THRESHOLD; i++) {
      circuits.recordFailure("default");
    }
    Instant now = Instant.now();
    circuits.open("default", now.minusMillis(1), 1);
    assertThat(circuits.claimProbe("default", now, now.plusSeconds(10))).isTrue();

    OutboundEvent event = event();
    DeliveryOutcome outcome = deliveries.attempt(event);
    assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(receiver.deliveries()).isEmpty();
    assertThat(logged(event).attemptsInSeries()).isZero();
  }

  @Test
  void eventsHeldBackByAnOpenCircuitComeBackSpreadOverHalfTheRemainingInterval() {
    for (int i = 0; i < EndpointCircuit.DEFAULT_THRESHOLD; i++) {
      circuits.recordFailure("default");
    }
    circuits.open("default", Instant.now().plusSeconds(60), 1);
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      waits.add(((DeliveryOutcome.RetryAfter) deliveries.attempt(event())).delay());
    }
    assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(90)));
    assertThat(waits.stream().distinct()).hasSizeGreaterThan(1);
    assertThat(receiver.deliveries()).isEmpty();
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsRetriedAndLoggedAsTimedOut() throws Exception {
    // Connections queue in the backlog and are never answered.
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      webhooks.configure("default", "http://127.0.0.1:" + silent.getLocalPort() + "/hook", true);
      WebhookDeliveries impatient = new WebhookDelivery(webhooks, log, stack.context().getBean(EndpointCircuit.class),
          stack.context().getBean(DeliverySchedule.class), new HttpWebhookTransport(Duration.ofMillis(300)),
          Clock.systemUTC());
      OutboundEvent event = event();
      assertThat(impatient.attempt(event)).isInstanceOf(DeliveryOutcome.RetryAfter.class);
      assertThat(logged(event).attempts()).singleElement().satisfies(a -> {
        assertThat(a.statusCode()).isEmpty();
        assertThat(a.error()).isEqualTo("timed out");
      });
    }
  }
}
