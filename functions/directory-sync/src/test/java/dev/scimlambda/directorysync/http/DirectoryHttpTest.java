package dev.scimlambda.directorysync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.events.RetryPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The providers' one transport: throttles, retries and failures as a directory answers them. */
class DirectoryHttpTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final DirectoryHttp.ErrorReader WORDS = body -> body;

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<Duration> waits = new ArrayList<>();
  private final HttpServer server = started();
  private final DirectoryHttp http = new DirectoryHttp(HttpClient.newHttpClient(),
      new RetryPolicy(3, Duration.ZERO, Duration.ZERO), Duration.ofSeconds(5), Duration.ofSeconds(30), waits::add,
      Clock.fixed(NOW, ZoneOffset.UTC));

  private HttpServer started() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/", exchange -> {
        Answer answer = answers.isEmpty() ? new Answer(500, Map.of(), "no answer left") : answers.poll();
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private DirectoryHttp.Answer get() {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x")),
        WORDS);
  }

  @Test
  void a429IsWaitedOutForTheSecondsOfRetryAfter() {
    answers.add(new Answer(429, Map.of("Retry-After", "4"), "slow down"));
    answers.add(new Answer(200, Map.of(), "{}"));

    assertThat(get().status()).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void oktasRateLimitResetTellsHowLongToWait() {
    answers.add(new Answer(429, Map.of("X-Rate-Limit-Reset", Long.toString(NOW.plusSeconds(9).getEpochSecond())),
        "{\"errorSummary\":\"API call exceeded rate limit due to too many requests.\"}"));
    answers.add(new Answer(200, Map.of(), "{}"));

    get();

    assertThat(waits).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void aRetryAfterDateIsWaitedUntil() {
    answers.add(new Answer(429, Map.of("Retry-After", "Sat, 05 Dec 2026 12:00:12 GMT"), "later"));
    answers.add(new Answer(200, Map.of(), "{}"));

    get();

    assertThat(waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aWaitLongerThanTheTransportSleepsIsHandedToTheRun() {
    answers.add(new Answer(429, Map.of("Retry-After", "600"), "quota exhausted"));

    assertThatThrownBy(this::get).isInstanceOfSatisfying(DirectoryProviderException.RateLimited.class, e -> {
      assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
      assertThat(e.providerMessage()).isEqualTo("quota exhausted");
    });
    assertThat(waits).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithTheProjectsBackoff() {
    answers.add(new Answer(503, Map.of(), "busy"));
    answers.add(new Answer(502, Map.of(), "busy"));
    answers.add(new Answer(200, Map.of(), "{}"));

    assertThat(get().status()).isEqualTo(200);
    assertThat(waits).hasSize(2);
  }

  @Test
  void serverErrorsThatOutlastTheRetriesAreAProviderErrorInItsWords() {
    for (int i = 0; i < 3; i++) {
      answers.add(new Answer(500, Map.of(), "internal failure"));
    }

    assertThatThrownBy(this::get).isInstanceOfSatisfying(DirectoryProviderException.ProviderError.class, e -> {
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.providerMessage()).isEqualTo("internal failure");
    });
  }

  @Test
  void refusalsAndAbsencesAreTheirOwnErrors() {
    answers.add(new Answer(401, Map.of(), "token expired"));
    assertThatThrownBy(this::get).isInstanceOf(DirectoryProviderException.CredentialsRefused.class)
        .hasMessage("token expired");
    answers.add(new Answer(404, Map.of(), "no such tenant"));
    assertThatThrownBy(this::get).isInstanceOf(DirectoryProviderException.NotFound.class);
    answers.add(new Answer(410, Map.of(), "resync required"));
    assertThatThrownBy(this::get).isInstanceOfSatisfying(DirectoryProviderException.ProviderError.class,
        e -> assertThat(e.positionExpired()).isTrue());
  }
}
