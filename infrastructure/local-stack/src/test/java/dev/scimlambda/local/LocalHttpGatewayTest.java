package dev.scimlambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalHttpGatewayTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();
  private final AtomicInteger invocations = new AtomicInteger();

  private LocalHttpGateway gateway(APIGatewayV2HTTPResponse answer) {
    return LocalHttpGateway.start(0, List.of(new LocalHttpGateway.Route("/api/", "fn", (event, context) -> {
      seen.set(event);
      if (answer == null) {
        throw new IllegalStateException("handler crashed");
      }
      return answer;
    })));
  }

  private LocalHttpGateway throttled(ThrottleLimits limits, String... prefixes) {
    List<LocalHttpGateway.Route> routes = java.util.Arrays.stream(prefixes)
        .map(prefix -> new LocalHttpGateway.Route(prefix, "fn", (event, context) -> {
          invocations.incrementAndGet();
          return ok("{}");
        }))
        .toList();
    return LocalHttpGateway.start(0, routes, Optional.of(limits));
  }

  private HttpResponse<byte[]> send(LocalHttpGateway gateway, HttpRequest.Builder request, String path) throws Exception {
    return http.send(request.uri(URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static APIGatewayV2HTTPResponse ok(String body) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withHeaders(Map.of("X-Answer", "yes")).withBody(body).build();
  }

  @Test
  void aChunkedBodyOverApiGatewaysLimitIs413WithoutInvokingTheFunction() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    int chunks = LocalHttpGateway.MAX_BODY_BYTES / chunk.length + 1;
    // An InputStream publisher has no length: the request is sent chunked, without Content-Length.
    HttpRequest.BodyPublisher unsized = HttpRequest.BodyPublishers.ofInputStream(
        () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
            java.util.Collections.nCopies(chunks, chunk).stream().map(java.io.ByteArrayInputStream::new).toList())));
    try (LocalHttpGateway gateway = gateway(ok("{}"))) {
      HttpResponse<byte[]> response;
      try {
        response = send(gateway, HttpRequest.newBuilder().POST(unsized).header("Content-Type", "application/json"), "/api/x");
      } catch (java.io.IOException closedWhileSending) {
        // The gateway may close the connection before the client has sent everything; nothing reached the function.
        assertThat(seen.get()).isNull();
        return;
      }
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(seen.get()).isNull();
    }
  }

  @Test
  void aChunkedBodyUnderTheLimitReachesTheFunctionWhole() throws Exception {
    byte[] body = "{\"a\":\"".concat("y".repeat(100_000)).concat("\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher unsized = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    try (LocalHttpGateway gateway = gateway(ok("{}"))) {
      HttpResponse<byte[]> response = send(gateway, HttpRequest.newBuilder().POST(unsized).header("Content-Type", "application/json"), "/api/x");
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(seen.get().getBody()).hasSize(body.length);
    }
  }

  @Test
  void theHandlerSeesThePayloadApiGatewayWouldSend() throws Exception {
    try (LocalHttpGateway gateway = gateway(ok("{}"))) {
      send(gateway, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
          .header("Content-Type", "application/json").header("X-Multi", "one"), "/api/things/7?x=1&x=2&y=%20z");
      APIGatewayV2HTTPEvent event = seen.get();
      assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
      assertThat(event.getRawPath()).isEqualTo("/api/things/7");
      assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=%20z");
      assertThat(event.getQueryStringParameters()).containsEntry("x", "1,2").containsEntry("y", " z");
      assertThat(event.getPathParameters()).containsEntry("proxy", "things/7");
      assertThat(event.getHeaders()).containsEntry("x-multi", "one").containsEntry("content-type", "application/json");
      assertThat(event.getBody()).isEqualTo("{\"a\":1}");
      assertThat(event.getIsBase64Encoded()).isFalse();
    }
  }

  @Test
  void theHandlersStatusHeadersAndBodyAreWrittenBack() throws Exception {
    try (LocalHttpGateway gateway = gateway(ok("{\"done\":true}"))) {
      HttpResponse<byte[]> response = send(gateway, HttpRequest.newBuilder().GET(), "/api/x");
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().firstValue("X-Answer")).contains("yes");
      assertThat(new String(response.body())).isEqualTo("{\"done\":true}");
    }
  }

  @Test
  void aBinaryBodyArrivesBase64Encoded() throws Exception {
    try (LocalHttpGateway gateway = gateway(ok(""))) {
      send(gateway, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255}))
          .header("Content-Type", "application/octet-stream"), "/api/blob");
      assertThat(seen.get().getIsBase64Encoded()).isTrue();
      assertThat(seen.get().getBody()).isEqualTo("AAEC/w==");
    }
  }

  @Test
  void aCrashingHandlerIs500WithoutDetails() throws Exception {
    try (LocalHttpGateway gateway = gateway(null)) {
      HttpResponse<byte[]> response = send(gateway, HttpRequest.newBuilder().GET(), "/api/x");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(new String(response.body())).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }

  @Test
  void aBurstOverTheLimitIs429WithRetryAfterAndAScimErrorAndNeverReachesTheFunction() throws Exception {
    // One token back every 2 s: the fourth request of a quick burst of four finds the bucket empty.
    try (LocalHttpGateway gateway = throttled(new ThrottleLimits(0.5, 3), "/api/")) {
      for (int i = 0; i < 3; i++) {
        assertThat(send(gateway, HttpRequest.newBuilder().GET(), "/api/Users").statusCode()).as("request %d", i + 1).isEqualTo(201);
      }
      HttpResponse<byte[]> refused = send(gateway, HttpRequest.newBuilder().GET(), "/api/Users");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
          seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
      assertThat(refused.headers().firstValue("Content-Type")).contains("application/scim+json");
      assertThat(new String(refused.body()))
          .contains("\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"]")
          .contains("\"status\":\"429\"");
      assertThat(invocations).hasValue(3);
    }
  }

  @Test
  void requestsWithinTheBurstAllPass() throws Exception {
    try (LocalHttpGateway gateway = throttled(new ThrottleLimits(1, 10), "/api/")) {
      for (int i = 0; i < 10; i++) {
        assertThat(send(gateway, HttpRequest.newBuilder().GET(), "/api/Users").statusCode()).as("request %d", i + 1).isEqualTo(201);
      }
      assertThat(invocations).hasValue(10);
    }
  }

  @Test
  void eachRouteIsThrottledOnItsOwn() throws Exception {
    try (LocalHttpGateway gateway = throttled(new ThrottleLimits(0.5, 1), "/a/", "/b/")) {
      assertThat(send(gateway, HttpRequest.newBuilder().GET(), "/a/x").statusCode()).isEqualTo(201);
      assertThat(send(gateway, HttpRequest.newBuilder().GET(), "/a/x").statusCode()).isEqualTo(429);
      assertThat(send(gateway, HttpRequest.newBuilder().GET(), "/b/x").statusCode()).isEqualTo(201);
    }
  }

  @Test
  void withoutLimitsNoRequestIsThrottled() throws Exception {
    try (LocalHttpGateway gateway = gateway(ok("{}"))) {
      for (int i = 0; i < 50; i++) {
        assertThat(send(gateway, HttpRequest.newBuilder().GET(), "/api/x").statusCode()).as("request %d", i + 1).isEqualTo(201);
      }
    }
  }
}
