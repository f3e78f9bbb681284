package dev.scimlambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scimlambda.httpapi.HttpApiEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the API Gateway HTTP API does in AWS, on 127.0.0.1: routes a path prefix to a function and
 * turns each request into a payload-2.0 event, so the handlers run exactly the code they run in
 * Lambda. Unrouted paths and handler crashes answer the way API Gateway answers them.
 *
 * <p>With {@link ThrottleLimits}, each route is throttled as the stage's default route settings
 * throttle it in AWS, but the refusal is what IdPs back off on: 429 with {@code Retry-After} and a
 * SCIM error body (API Gateway itself sends 429 {@code {"message":"Too Many Requests"}} without
 * {@code Retry-After}; docs/operations.md).
 */
public final class LocalHttpGateway implements AutoCloseable {

  /** A route: every path under {@code prefix} goes to {@code handler}, invoked as {@code functionName}. */
  public record Route(
      String prefix, String functionName, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

  private static final Logger LOG = LoggerFactory.getLogger(LocalHttpGateway.class);
  private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(3);

  /**
   * API Gateway's HTTP API refuses a larger payload with 413 before invoking the function; the
   * bodies are counted as they are read, so a chunked request without Content-Length is capped too.
   */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  static {
    // The JDK's server leaves Nagle's algorithm on: a response written in two segments (headers,
    // then body) waits out the client's delayed ACK, 40 ms on Linux, on every request. Read once,
    // when the JDK's server is first used, so it is set before any gateway starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final List<Route> routes;
  private final Map<Route, TokenBucket> throttles;

  private LocalHttpGateway(HttpServer server, ExecutorService workers, List<Route> routes, Optional<ThrottleLimits> limits) {
    this.server = server;
    this.workers = workers;
    this.routes = routes;
    Map<Route, TokenBucket> buckets = new IdentityHashMap<>();
    limits.ifPresent(l -> routes.forEach(route -> buckets.put(route, new TokenBucket(l, System::nanoTime))));
    this.throttles = buckets;
  }

  /** Listens on 127.0.0.1:{@code port} (0 picks a free port); IdPs send parallel requests, so do we. */
  public static LocalHttpGateway start(int port, List<Route> routes) {
    return start(port, routes, Optional.empty());
  }

  /** As {@link #start(int, List)}, each route throttled to {@code limits} when given. */
  public static LocalHttpGateway start(int port, List<Route> routes, Optional<ThrottleLimits> limits) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
      ExecutorService workers = Executors.newFixedThreadPool(16);
      LocalHttpGateway gateway = new LocalHttpGateway(server, workers, List.copyOf(routes), limits);
      server.createContext("/", gateway::serve);
      server.setExecutor(workers);
      server.start();
      return gateway;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Route route = routes.stream().filter(r -> path.startsWith(r.prefix())).findFirst().orElse(null);
      if (route == null) {
        write(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
        return;
      }
      TokenBucket throttle = throttles.get(route);
      long retryAfter = throttle == null ? 0 : throttle.take();
      if (retryAfter > 0) {
        write(exchange, 429, Map.of("content-type", "application/scim+json", "retry-after", Long.toString(retryAfter)),
            tooManyRequests(retryAfter));
        return;
      }
      byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
      if (body == null) {
        write(exchange, 413, Map.of("content-type", "application/json"), "{\"message\":\"Request Entity Too Large\"}");
        return;
      }
      APIGatewayV2HTTPResponse response;
      try {
        response = route.handler().handleRequest(event(exchange, route, body), new LocalLambdaContext(route.functionName()));
      } catch (RuntimeException e) {
        LOG.error("{} failed on {} {}", route.functionName(), exchange.getRequestMethod(), path, e);
        write(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        return;
      }
      respond(exchange, response);
    }
  }

  /** RFC 7644 section 3.12's error body; 429 has no scimType. */
  private static String tooManyRequests(long retryAfter) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"429\","
        + "\"detail\":\"Too many requests; retry after " + retryAfter + " s.\"}";
  }

  private static APIGatewayV2HTTPEvent event(HttpExchange exchange, Route route, byte[] body) {
    return HttpApiEvents.request(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders(),
        body,
        route.prefix(),
        exchange.getRemoteAddress().getAddress().getHostAddress());
  }

  private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      headers.putAll(response.getHeaders());
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
    }
    String body = response.getBody();
    byte[] bytes =
        body == null ? new byte[0]
            : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    write(exchange, response.getStatusCode(), headers, bytes);
  }

  private static void write(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
    write(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("content-length")) {
        exchange.getResponseHeaders().add(name, value);
      }
    });
    boolean noBody = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The body, or null when it is longer than {@code limit} (reading stops there). */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    try (in) {
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? null : body;
    }
  }

  /**
   * Stops accepting requests, then lets the requests being handled finish for a few seconds before
   * interrupting them: an interrupted handler answers 500, so its caller knows the write is not
   * acknowledged, and a write that did commit is still delivered by the stream.
   */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(IN_FLIGHT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
