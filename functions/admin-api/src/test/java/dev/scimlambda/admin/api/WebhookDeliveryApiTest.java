package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.events.delivery.Delivery;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.DeliveryStatus;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import dev.scimlambda.events.delivery.WebhookOutbox;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.WebhookReceiver;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries made by the real engine to a verifying receiver on 127.0.0.1; redelivery queues through
 * a recording {@link WebhookOutbox}, the port the SQS and directory outboxes implement.
 */
class WebhookDeliveryApiTest extends AdminApiTestBase {

  private static final RecordingOutbox OUTBOX = new RecordingOutbox();
  private static WebhookReceiver receiver;
  private static WebhookDeliveries deliveries;
  private static DeliveryLog log;

  @BeforeAll
  static void wireOutboxAndReceiver() {
    stack.context().registerSingleton(WebhookOutbox.class, OUTBOX);
    deliveries = stack.context().getBean(WebhookDeliveries.class);
    log = stack.context().getBean(DeliveryLog.class);
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static String path(String ws) {
    return "/admin/v1/workspaces/" + ws + "/webhook/deliveries";
  }

  private static String workspaceWithWebhook() {
    String ws = newWorkspace();
    String secret = call("PUT", "/admin/v1/workspaces/" + ws + "/webhook", "{\"url\":\"" + receiver.url() + "\"}")
        .json().get("signingSecret").asText();
    receiver.useSecret(secret);
    return ws;
  }

  private static OutboundEvent event(String ws, Instant occurredAt) {
    String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
    return new OutboundEvent(ws, id, "user.created", occurredAt, "{\"id\":\"" + id + "\"}");
  }

  /** A delivery whose attempts ran out, as the engine leaves it. */
  private static Delivery failed(String ws, Instant occurredAt) {
    OutboundEvent event = event(ws, occurredAt);
    Delivery pending = Delivery.pending(event, occurredAt);
    Delivery failed = new Delivery(ws, pending.id(), event.eventId(), event.eventType(), occurredAt, occurredAt,
        DeliveryStatus.FAILED, 14, List.of(), Optional.empty(), "gave up after 14 attempts; last: status 500",
        event.body());
    log.save(failed);
    return failed;
  }

  @Test
  void deliveriesListNewestFirstWithTheirAttempts() {
    String ws = workspaceWithWebhook();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OutboundEvent older = event(ws, t0);
    OutboundEvent newer = event(ws, t0.plusSeconds(1));
    receiver.answer(503);
    assertThat(deliveries.attempt(older)).isInstanceOf(DeliveryOutcome.RetryAfter.class);
    assertThat(deliveries.attempt(newer)).isEqualTo(new DeliveryOutcome.Delivered());

    JsonNode listed = call("GET", path(ws)).json();
    JsonNode first = listed.get("deliveries").get(0);
    assertThat(first.get("eventId").asText()).isEqualTo(newer.eventId());
    assertThat(first.get("type").asText()).isEqualTo("user.created");
    assertThat(first.get("status").asText()).isEqualTo("delivered");
    assertThat(first.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
    assertThat(first.get("attempts").get(0).has("error")).isFalse();
    assertThat(first.has("nextAttemptAt")).isFalse();
    JsonNode second = listed.get("deliveries").get(1);
    assertThat(second.get("status").asText()).isEqualTo("retrying");
    assertThat(second.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(503);
    assertThat(second.get("attempts").get(0).get("error").asText()).isEqualTo("status 503");
    assertThat(second.get("nextAttemptAt").isTextual()).isTrue();
    assertThat(listed.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aStatusFilterAndACursorPageThroughTheLog() {
    String ws = workspaceWithWebhook();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Delivery a = failed(ws, t0);
    Delivery b = failed(ws, t0.plusSeconds(1));
    deliveries.attempt(event(ws, t0.plusSeconds(2)));

    JsonNode page1 = call("GET", path(ws) + "?status=failed&limit=1").json();
    assertThat(page1.get("deliveries").get(0).get("id").asText()).isEqualTo(b.id());
    JsonNode page2 = call("GET", path(ws) + "?status=failed&limit=1&cursor=" + page1.get("nextCursor").asText()).json();
    assertThat(page2.get("deliveries").get(0).get("id").asText()).isEqualTo(a.id());
  }

  @Test
  void oneDeliveryReadsByItsId() {
    String ws = workspaceWithWebhook();
    Delivery d = failed(ws, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    JsonNode read = call("GET", path(ws) + "/" + d.id()).json();
    assertThat(read.get("eventId").asText()).isEqualTo(d.eventId());
    assertThat(read.get("status").asText()).isEqualTo("failed");
    assertThat(read.get("outcome").asText()).startsWith("gave up");
    assertThat(read.has("body")).isFalse();
  }

  @Test
  void redeliveringQueuesTheSameEventAndItsAttemptsCountAfresh() {
    String ws = workspaceWithWebhook();
    Delivery d = failed(ws, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    ApiResult accepted = call("POST", path(ws) + "/" + d.id() + "/redeliver");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("status").asText()).isEqualTo("pending");
    assertThat(OUTBOX.queued()).contains(d.event());

    receiver.answer(500);
    deliveries.attempt(d.event());
    Delivery afterRedelivery = log.find(ws, d.id()).orElseThrow();
    assertThat(afterRedelivery.status()).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(afterRedelivery.attemptsInSeries()).isEqualTo(1);
  }

  @Test
  void redeliveringFailedDeliveriesSinceATimeQueuesOnlyThose() {
    String ws = workspaceWithWebhook();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Delivery before = failed(ws, t0.minusSeconds(60));
    Delivery f1 = failed(ws, t0);
    Delivery f2 = failed(ws, t0.plusSeconds(1));
    deliveries.attempt(event(ws, t0.plusSeconds(2)));

    ApiResult accepted = call("POST", path(ws) + "/redeliver", "{\"since\":\"" + t0 + "\"}");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("redelivered").asInt()).isEqualTo(2);
    assertThat(accepted.json().get("more").asBoolean()).isFalse();
    assertThat(OUTBOX.queued()).contains(f1.event(), f2.event()).doesNotContain(before.event());
  }

  @Test
  void aBulkRedeliveryIsBoundedAndSaysWhenMoreRemain() {
    String ws = workspaceWithWebhook();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i <= 50; i++) {
      failed(ws, t0.plusMillis(i));
    }
    JsonNode first = call("POST", path(ws) + "/redeliver", "{\"since\":\"" + t0 + "\"}").json();
    assertThat(first.get("redelivered").asInt()).isEqualTo(50);
    assertThat(first.get("more").asBoolean()).isTrue();
    JsonNode second = call("POST", path(ws) + "/redeliver", "{\"since\":\"" + t0 + "\"}").json();
    assertThat(second.get("redelivered").asInt()).isEqualTo(1);
    assertThat(second.get("more").asBoolean()).isFalse();
    assertThat(second.has("cursor")).isFalse();
  }

  @Test
  void aBulkRedeliveryCursorGoesOnPastWhatTheLastCallRead() {
    String ws = workspaceWithWebhook();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i <= 50; i++) {
      failed(ws, t0.plusMillis(i));
    }
    Delivery last = failed(ws, t0.plusSeconds(1));
    JsonNode first = call("POST", path(ws) + "/redeliver", "{\"since\":\"" + t0 + "\"}").json();
    String cursor = first.get("cursor").asText();
    JsonNode second = call("POST", path(ws) + "/redeliver",
        "{\"since\":\"" + t0 + "\",\"cursor\":\"" + cursor + "\"}").json();
    assertThat(second.get("redelivered").asInt()).isEqualTo(2);
    assertThat(second.get("more").asBoolean()).isFalse();
    assertThat(OUTBOX.queued()).contains(last.event());
  }

  @Test
  void anUnknownDeliveryIs404AndAMalformedIdIs400() {
    String ws = workspaceWithWebhook();
    assertThat(call("GET", path(ws) + "/20260101T000000000Z_evt_unknown").status()).isEqualTo(404);
    assertThat(call("POST", path(ws) + "/20260101T000000000Z_evt_unknown/redeliver").status()).isEqualTo(404);
    assertThat(call("GET", path(ws) + "/not-a-delivery").status()).isEqualTo(400);
  }

  @Test
  void badParametersAre400() {
    String ws = workspaceWithWebhook();
    assertThat(call("GET", path(ws) + "?status=lost").status()).isEqualTo(400);
    assertThat(call("GET", path(ws) + "?limit=0").status()).isEqualTo(400);
    assertThat(call("GET", path(ws) + "?limit=many").status()).isEqualTo(400);
    assertThat(call("GET", path(ws) + "?cursor=%21%21").status()).isEqualTo(400);
    assertThat(call("POST", path(ws) + "/redeliver", "{\"since\":\"yesterday\"}").status()).isEqualTo(400);
    assertThat(call("POST", path(ws) + "/redeliver", "{}").status()).isEqualTo(400);
    assertThat(call("POST", path(ws) + "/redeliver", "{\"since\":\"2026-01-01T00:00:00Z\",\"cursor\":\"%%\"}").status())
        .isEqualTo(400);
  }

  @Test
  void withoutAWebhookOrAWorkspaceThereAreNoDeliveries() {
    String ws = newWorkspace();
    assertThat(call("GET", path(ws)).status()).isEqualTo(404);
    assertThat(call("POST", path(ws) + "/redeliver", "{\"since\":\"2026-01-01T00:00:00Z\"}").status()).isEqualTo(404);
    assertThat(call("GET", path("no-such-workspace")).status()).isEqualTo(404);
  }

  @Test
  void callsWithoutTheAdminTokenAreRefused() {
    String ws = workspaceWithWebhook();
    assertThat(dev.scimlambda.testing.ApiCall.of("GET", path(ws)).invoke(handler).status()).isEqualTo(401);
  }

  @Test
  void aRedeliveryTheOutboxRefusesLeavesTheDeliveryFailed() {
    String ws = workspaceWithWebhook();
    Delivery d = failed(ws, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    OUTBOX.refuseNext(new IllegalStateException("queue unreachable"));
    assertThat(call("POST", path(ws) + "/" + d.id() + "/redeliver").status()).isGreaterThanOrEqualTo(500);
    assertThat(call("GET", path(ws) + "/" + d.id()).json().get("status").asText()).isEqualTo("failed");
    assertThat(OUTBOX.queued()).doesNotContain(d.event());
  }
}
