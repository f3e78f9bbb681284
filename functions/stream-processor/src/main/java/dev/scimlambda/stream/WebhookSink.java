package dev.scimlambda.stream;

import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.WebhookEndpoint;
import dev.scimlambda.events.WebhookSignature;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each event to the workspace's webhook, signed (see {@link WebhookSignature}). Transient
 * failures (no answer, timeouts, 408, 429, 5xx) are retried with backoff; when the attempts run out
 * this throws, so the stream redelivers the change (and finally sends it to the on-failure queue).
 * Any other answer outside 2xx is the receiver refusing the event: retrying cannot help, so it is
 * logged and dropped.
 */
public final class WebhookSink implements EventSink {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  /** The value of the metrics' Destination dimension. */
  static final String DESTINATION = "webhook";

  private final Webhooks webhooks;
  private final HttpClient http;
  private final RetryPolicy retries;
  private final Clock clock;
  private final OperationalMetrics metrics;

  public WebhookSink(Webhooks webhooks, HttpClient http, RetryPolicy retries, Clock clock) {
    this(webhooks, http, retries, clock, OperationalMetrics.NONE);
  }

  public WebhookSink(Webhooks webhooks, HttpClient http, RetryPolicy retries, Clock clock, OperationalMetrics metrics) {
    this.webhooks = webhooks;
    this.http = http;
    this.retries = retries;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Redirects are not followed: a signed body must reach the URL the admin configured, or fail. */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public void publish(List<DirectoryEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    webhooks.endpoint(events.get(0).workspaceId()).ifPresent(endpoint -> events.forEach(e -> deliver(endpoint, e)));
  }

  /**
   * One attempted delivery per event, whatever its retries; failed when the receiver did not take
   * it, refused or out of attempts.
   */
  private void deliver(WebhookEndpoint endpoint, DirectoryEvent event) {
    metrics.increment(OperationalMetric.EVENT_DELIVERIES_ATTEMPTED, DESTINATION);
    boolean taken = false;
    try {
      taken = tryDelivering(endpoint, event);
    } finally {
      if (!taken) {
        metrics.increment(OperationalMetric.EVENT_DELIVERIES_FAILED, DESTINATION);
      }
    }
  }

  /** Whether the receiver took the event; throws when it may take it on redelivery. */
  private boolean tryDelivering(WebhookEndpoint endpoint, DirectoryEvent event) {
    String body = event.toJson().toString();
    String lastFailure = "";
    for (int attempt = 1; ; attempt++) {
      try {
        int status = send(endpoint, event, body);
        if (status >= 200 && status < 300) {
          return true;
        }
        if (!isTransient(status)) {
          // Ids and status only: the body holds customer data.
          LOG.warn("webhook of workspace {} refused event {} ({}) with status {}; dropped",
              event.workspaceId(), event.id(), event.type().wireName(), status);
          return false;
        }
        lastFailure = "status " + status;
      } catch (IOException e) {
        lastFailure = e.getClass().getSimpleName();
      }
      if (!retries.allowsAnotherAfter(attempt)) {
        throw new WebhookDeliveryException("webhook of workspace " + event.workspaceId() + " did not take event "
            + event.id() + " in " + attempt + " attempts; last: " + lastFailure);
      }
      retries.pauseAfter(attempt);
    }
  }

  private int send(WebhookEndpoint endpoint, DirectoryEvent event, String body) throws IOException {
    // Signed at each attempt, so the timestamp a receiver checks is the delivery's own.
    long timestamp = clock.instant().getEpochSecond();
    String signature = WebhookSignature.header(endpoint.signingSecrets(), event.id(), timestamp, body);
    HttpRequest request = HttpRequest.newBuilder(endpoint.url())
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "scim-lambda-webhooks")
        .header(WebhookSignature.ID_HEADER, event.id())
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.SIGNATURE_HEADER, signature)
        .header("Scim-Event-Id", event.id())
        .header("Scim-Event-Type", event.type().wireName())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookDeliveryException("interrupted while delivering event " + event.id());
    }
  }

  private static boolean isTransient(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** Thrown to have the stream redeliver the change. */
  static final class WebhookDeliveryException extends RuntimeException {
    WebhookDeliveryException(String message) {
      super(message);
    }
  }
}
