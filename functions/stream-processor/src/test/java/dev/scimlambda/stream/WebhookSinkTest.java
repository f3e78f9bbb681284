package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.events.ChangeContext;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.DirectoryEvents;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.UserSnapshot;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.runtime.metrics.InvocationMetrics;
import dev.scimlambda.runtime.metrics.MetricsWiring;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.testing.EmfCapture;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery to a receiver on 127.0.0.1 that verifies every signature. */
class WebhookSinkTest {

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

  private TestStack stack;
  private Webhooks webhooks;
  private WebhookReceiver receiver;
  private WebhookSink sink;

  @BeforeEach
  void start() {
    stack = TestStack.start();
    stack.context().getBean(Workspaces.class).ensureDefault();
    webhooks = stack.context().getBean(Webhooks.class);
    receiver = new WebhookReceiver();
    sink = new WebhookSink(webhooks, WebhookSink.httpClient(), FAST, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    receiver.close();
    stack.close();
  }

  private void configure(boolean enabled) {
    webhooks.configure("default", receiver.url(), true).signingSecret().ifPresent(receiver::useSecret);
    if (!enabled) {
      webhooks.configure("default", receiver.url(), false);
    }
  }

  private static DirectoryEvent userCreated() {
    ChangeContext context = new ChangeContext("100", Instant.now(), "default", "conn1", "scim-lambda.test");
    return DirectoryEvents.user(
            context, null, new UserSnapshot("u1", null, true, ScimJson.MAPPER.createObjectNode().put("userName", "ada")))
        .orElseThrow();
  }

  @Test
  void anEventIsPostedSignedWithItsIdAndType() {
    configure(true);
    DirectoryEvent event = userCreated();
    sink.publish(List.of(event));
    assertThat(receiver.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.signatureValid()).isTrue();
      assertThat(d.headers()).containsEntry("scim-event-id", event.id()).containsEntry("scim-event-type", "user.created");
      assertThat(d.headers().get("content-type")).isEqualTo("application/json");
      assertThat(d.json()).isEqualTo(event.toJson());
    });
  }

  @Test
  void aTransientFailureIsRetriedUntilTheReceiverTakesTheEvent() {
    configure(true);
    receiver.answer(503, 429);
    sink.publish(List.of(userCreated()));
    assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(503, 429, 200);
    assertThat(receiver.deliveries().stream().map(d -> d.json().get("id")).distinct()).hasSize(1);
  }

  @Test
  void aRefusalIsNotRetriedAndDoesNotFailTheRecord() {
    configure(true);
    receiver.answer(400);
    sink.publish(List.of(userCreated()));
    assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(400);
  }

  @Test
  void whenEveryAttemptFailsTheRecordFailsSoTheStreamRedeliversIt() {
    configure(true);
    receiver.answer(500, 502, 503);
    assertThatThrownBy(() -> sink.publish(List.of(userCreated()))).hasMessageContaining("3 attempts");
    assertThat(receiver.deliveries()).hasSize(3);
  }

  @Test
  void aReceiverThatIsDownIsATransientFailure() {
    webhooks.configure("default", "http://127.0.0.1:1/hook", true);
    assertThatThrownBy(() -> sink.publish(List.of(userCreated()))).hasMessageContaining("3 attempts");
  }

  @Test
  void aDisabledWebhookGetsNothing() {
    configure(false);
    sink.publish(List.of(userCreated()));
    assertThat(receiver.deliveries()).isEmpty();
  }

  @Test
  void aWorkspaceWithoutWebhookGetsNothingAndNothingFails() {
    sink.publish(List.of(userCreated()));
    assertThat(receiver.deliveries()).isEmpty();
  }

  /** A sink counting into metrics written as EMF, as the stream handler's are. */
  private WebhookSink countingSink(InvocationMetrics metrics) {
    return new WebhookSink(webhooks, WebhookSink.httpClient(), FAST, Clock.systemUTC(), metrics);
  }

  private static InvocationMetrics emfMetrics() {
    return new InvocationMetrics(MetricsWiring.embeddedMetricFormat(EmfCapture.NAMESPACE), EmfCapture.SERVICE);
  }

  @Test
  void anEventTakenAfterRetriesCountsOneAttemptedDeliveryAndNoFailure() {
    configure(true);
    receiver.answer(503);
    InvocationMetrics metrics = emfMetrics();
    try (EmfCapture emf = EmfCapture.start()) {
      countingSink(metrics).publish(List.of(userCreated()));
      metrics.flush();

      assertThat(emf.count("EventDeliveriesAttempted", "Destination", "webhook")).isEqualTo(1);
      assertThat(emf.count("EventDeliveriesFailed", "Destination", "webhook")).isZero();
    }
  }

  @Test
  void anEventEveryAttemptFailedForCountsOneFailedDelivery() {
    configure(true);
    receiver.answer(500, 502, 503);
    InvocationMetrics metrics = emfMetrics();
    try (EmfCapture emf = EmfCapture.start()) {
      assertThatThrownBy(() -> countingSink(metrics).publish(List.of(userCreated())));
      metrics.flush();

      assertThat(emf.count("EventDeliveriesAttempted", "Destination", "webhook")).isEqualTo(1);
      assertThat(emf.count("EventDeliveriesFailed", "Destination", "webhook")).isEqualTo(1);
    }
  }

  @Test
  void anEventTheReceiverRefusedCountsAsAFailedDelivery() {
    configure(true);
    receiver.answer(400);
    InvocationMetrics metrics = emfMetrics();
    try (EmfCapture emf = EmfCapture.start()) {
      countingSink(metrics).publish(List.of(userCreated()));
      metrics.flush();

      assertThat(emf.count("EventDeliveriesFailed", "Destination", "webhook")).isEqualTo(1);
    }
  }

  @Test
  void aWorkspaceWithoutWebhookCountsNoDelivery() {
    InvocationMetrics metrics = emfMetrics();
    try (EmfCapture emf = EmfCapture.start()) {
      countingSink(metrics).publish(List.of(userCreated()));
      metrics.flush();

      assertThat(emf.documents()).isEmpty();
    }
  }
}
