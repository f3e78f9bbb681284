package dev.scimlambda.directorysync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.events.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one transport every pull provider uses: the JDK's HttpClient (no Micronaut client, for cold
 * start), a timeout on every request, bounded answers, and the providers' throttling rules.
 *
 * <ul>
 *   <li>429 (or what {@link ErrorReader#rateLimited} says is a quota error): waits as the answer
 *       says ({@code Retry-After} seconds or date, Okta's {@code X-Rate-Limit-Reset} epoch
 *       seconds) when that fits {@code maxWait}, else throws {@link
 *       DirectoryProviderException.RateLimited} so the run checkpoints and goes on later;
 *   <li>5xx and network failures: retried with the project's one backoff, {@link RetryPolicy};
 *   <li>401/403: {@link DirectoryProviderException.CredentialsRefused} (a provider refreshes its
 *       token once before giving up); 404: {@link DirectoryProviderException.NotFound}; any other
 *       4xx: {@link DirectoryProviderException.ProviderError}, each with the provider's own words.
 * </ul>
 */
public final class DirectoryHttp {

  /** A Graph page of 999 users with every field we select is about 2 MB; nothing we read is near 16. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Pauses this long at most between attempts; a provider's quota window beyond it ends the invocation. */
  private final Duration maxWait;
  private final RetryPolicy retries;
  private final Duration requestTimeout;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final Clock clock;

  /** How to read a provider's error bodies. */
  public interface ErrorReader {
    /** The provider's own message in an error body (never the body itself: it may echo a request). */
    String message(String body);

    /** Whether an answer is a throttle; Google answers quota errors with 403 and a reason. */
    default boolean rateLimited(int status, String body) {
      return status == 429;
    }
  }

  /** Thread.sleep in production; tests record the waits instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public DirectoryHttp(HttpClient client, RetryPolicy retries, Duration requestTimeout, Duration maxWait,
      Sleeper sleeper, Clock clock) {
    this.client = client;
    this.retries = retries;
    this.requestTimeout = requestTimeout;
    this.maxWait = maxWait;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Five attempts over at most about 15 s for 5xx and network failures, 20 s per request, and
   * throttle waits of up to 30 s slept in place (Graph and Okta usually ask for a few seconds).
   */
  public static DirectoryHttp standard() {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new DirectoryHttp(client, new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8)),
        Duration.ofSeconds(20), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
  }

  /** An answer with a 2xx status. */
  public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new DirectoryProviderException.ProviderError(status, "the directory answered with invalid JSON", e);
      }
    }
  }

  /** Sends the request (timeout added here), retrying as the class describes; returns only 2xx answers. */
  public Answer send(HttpRequest.Builder request, ErrorReader errors) {
    HttpRequest built = request.timeout(requestTimeout).build();
    int attempt = 0;
    while (true) {
      attempt++;
      HttpResponse<InputStream> response;
      String body;
      try {
        response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
        body = read(response.body());
      } catch (IOException e) {
        if (!retries.allowsAnotherAfter(attempt)) {
          throw new DirectoryProviderException.ProviderError(0,
              "the directory could not be reached: " + e.getClass().getSimpleName(), e);
        }
        pause(retries.delayAfter(attempt, ThreadLocalRandom.current()));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DirectoryProviderException.ProviderError(0, "interrupted while reading the directory", e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Answer(status, response.headers(), body);
      }
      if (errors.rateLimited(status, body)) {
        Duration wait = Throttle.waitOf(response.headers(), clock.instant())
            .orElse(retries.delayAfter(attempt, ThreadLocalRandom.current()));
        if (wait.compareTo(maxWait) > 0 || !retries.allowsAnotherAfter(attempt)) {
          throw new DirectoryProviderException.RateLimited(wait, message(errors, body, status));
        }
        pause(wait);
        continue;
      }
      if (status >= 500 && retries.allowsAnotherAfter(attempt)) {
        pause(retries.delayAfter(attempt, ThreadLocalRandom.current()));
        continue;
      }
      throw failure(status, message(errors, body, status));
    }
  }

  private static DirectoryProviderException failure(int status, String message) {
    return switch (status) {
      case 401, 403 -> new DirectoryProviderException.CredentialsRefused(message);
      case 404 -> new DirectoryProviderException.NotFound(message);
      default -> new DirectoryProviderException.ProviderError(status, message, null);
    };
  }

  private static String message(ErrorReader errors, String body, int status) {
    String message;
    try {
      message = errors.message(body);
    } catch (RuntimeException unreadable) {
      message = null;
    }
    return message == null || message.isBlank() ? "HTTP " + status : message;
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectoryProviderException.ProviderError(0, "interrupted while waiting to retry", e);
    }
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
