package dev.scimlambda.events.delivery;

import dev.scimlambda.events.WebhookEndpoint;
import dev.scimlambda.events.WebhookSignature;
import dev.scimlambda.events.Webhooks;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one event per call: finds the workspace's webhook as it is now, keeps to the endpoint's
 * circuit, signs (Standard Webhooks, see {@link WebhookSignature}) and posts, records the attempt
 * in the {@link DeliveryLog}, and tells the queue what to do next.
 *
 * <p>Every answer outside 2xx is retried on the schedule, 4xx included, as Svix and Stripe do.
 * The receivers we see answer 4xx mostly while misconfigured — a 404 during a deploy, a 401 while
 * a new signing secret is being rolled out — and fix it within hours; dropping on the first 4xx
 * (as the stream sink did) lost those events for good. The circuit keeps a receiver that refuses
 * everything from being hammered, every attempt's status code is in the log, and a delivery that
 * exhausts its attempts is "failed" there and can be redelivered.
 *
 * <p>An event whose delivery the log already shows delivered is not sent again: queues deliver at
 * least once, and receivers should not have to deduplicate what we can. A failed or dropped one is
 * (a dead-letter redrive, a webhook configured since), as a new series of attempts.
 */
public final class WebhookDelivery implements WebhookDeliveries {

  static final String CONTENT_TYPE = "application/cloudevents+json";
  static final String USER_AGENT = "scim-lambda-webhooks";

  private final Webhooks webhooks;
  private final DeliveryLog log;
  private final EndpointCircuit circuit;
  private final DeliverySchedule schedule;
  private final WebhookTransport transport;
  private final Clock clock;

  public WebhookDelivery(Webhooks webhooks, DeliveryLog log, EndpointCircuit circuit, DeliverySchedule schedule,
      WebhookTransport transport, Clock clock) {
    this.webhooks = webhooks;
    this.log = log;
    this.circuit = circuit;
    this.schedule = schedule;
    this.transport = transport;
    this.clock = clock;
  }

  @Override
  public DeliveryOutcome attempt(OutboundEvent event) {
    Instant now = clock.instant();
    Optional<Delivery> logged = log.find(event.workspaceId(), Delivery.idOf(event));
    if (logged.isPresent() && logged.get().status() == DeliveryStatus.DELIVERED) {
      // The queue delivers at least once and a stream replay queues an event again: the receiver
      // already answered 2xx. An admin's redelivery marks the delivery pending first, so it is sent.
      return new DeliveryOutcome.Delivered();
    }
    Delivery delivery = logged.map(Delivery::forNextAttempt).orElseGet(() -> Delivery.pending(event, now));
    Optional<WebhookEndpoint> endpoint = webhooks.endpoint(event.workspaceId());
    if (endpoint.isEmpty()) {
      String reason = "the workspace has no enabled webhook";
      log.save(delivery.settledWithoutAttempt(DeliveryStatus.DROPPED, reason));
      return new DeliveryOutcome.Dropped(reason);
    }
    CircuitState circuitState = circuit.state(event.workspaceId());
    Optional<Duration> wait = circuit.holdBack(event.workspaceId(), circuitState, now, ThreadLocalRandom.current());
    if (wait.isPresent()) {
      log.save(delivery.heldBack(now.plus(wait.get()), "the endpoint's circuit is open: it failed repeatedly"));
      return new DeliveryOutcome.RetryAfter(wait.get());
    }
    DeliveryAttempt attempt = send(endpoint.get(), delivery, now);
    boolean delivered = attempt.statusCode().isPresent()
        && attempt.statusCode().getAsInt() >= 200 && attempt.statusCode().getAsInt() < 300;
    if (delivered) {
      circuit.succeeded(event.workspaceId(), circuitState);
      log.save(delivery.after(attempt, DeliveryStatus.DELIVERED, Optional.empty(), "delivered"));
      return new DeliveryOutcome.Delivered();
    }
    circuit.failed(event.workspaceId(), now);
    int attempted = delivery.attemptsInSeries() + 1;
    if (!schedule.allowsAnotherAfter(attempted)) {
      String reason = "gave up after " + attempted + " attempts; last: " + attempt.error();
      log.save(delivery.after(attempt, DeliveryStatus.FAILED, Optional.empty(), reason));
      return new DeliveryOutcome.GaveUp(reason);
    }
    Duration delay = schedule.delayAfter(attempted, ThreadLocalRandom.current());
    log.save(delivery.after(attempt, DeliveryStatus.RETRYING, Optional.of(now.plus(delay)), attempt.error()));
    return new DeliveryOutcome.RetryAfter(delay);
  }

  private DeliveryAttempt send(WebhookEndpoint endpoint, Delivery delivery, Instant now) {
    // Signed at each attempt, so the timestamp a receiver checks is the attempt's own.
    long timestamp = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("User-Agent", USER_AGENT);
    headers.put(WebhookSignature.ID_HEADER, delivery.eventId());
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(WebhookSignature.SIGNATURE_HEADER,
        WebhookSignature.header(endpoint.signingSecrets(), delivery.eventId(), timestamp, delivery.body()));
    // docs/events.md keeps these for receivers written before the envelope and Standard Webhooks.
    headers.put("Scim-Event-Id", delivery.eventId());
    headers.put("Scim-Event-Type", delivery.eventType());
    long started = System.nanoTime();
    try {
      int status = transport.post(endpoint.url(), headers, delivery.body());
      return new DeliveryAttempt(now, OptionalInt.of(status), elapsedMillis(started), error(status));
    } catch (HttpTimeoutException e) {
      return new DeliveryAttempt(now, OptionalInt.empty(), elapsedMillis(started), "timed out");
    } catch (IOException e) {
      // The exception's class says refused from reset from unresolvable; its message may carry more.
      return new DeliveryAttempt(now, OptionalInt.empty(), elapsedMillis(started), "no answer: " + e.getClass().getSimpleName());
    }
  }

  private static String error(int status) {
    if (status >= 200 && status < 300) {
      return "";
    }
    return status >= 300 && status < 400 ? "status " + status + " (redirects are not followed)" : "status " + status;
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
