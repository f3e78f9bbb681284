package dev.scimlambda.events.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * The JDK's HTTP client. Redirects are not followed: a signed body must reach the URL the admin
 * configured, or fail. The response body is discarded unread: it is the customer's.
 *
 * <p>The client is built on the first delivery, not with the transport: every function's context
 * holds a transport, but only the delivery function (and the embedded stack's worker) posts, and
 * building the client (its selector thread, its TLS context) would otherwise be init time of
 * functions that never call a webhook.
 */
public final class HttpWebhookTransport implements WebhookTransport {

  /** For connecting and for the whole answer: one slow receiver must not hold a consumer long. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Duration timeout;
  private HttpClient http;

  public HttpWebhookTransport() {
    this(TIMEOUT);
  }

  public HttpWebhookTransport(Duration timeout) {
    this.timeout = timeout;
  }

  /** A lock per call costs nothing beside the post it precedes; the client is built once. */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  @Override
  public int post(URI url, Map<String, String> headers, String body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return http().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpTimeoutException("interrupted while waiting for the receiver");
    }
  }
}
