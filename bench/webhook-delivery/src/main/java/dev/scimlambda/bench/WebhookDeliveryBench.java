package dev.scimlambda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.scimlambda.local.LocalStack;
import dev.scimlambda.local.LocalStackConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Webhook events from commit to receiver in the embedded stack: SCIM user creations through its
 * HTTP gateway, the stream handler putting each user.created event in the webhook outbox, the
 * delivery worker signing and posting it to a receiver in this process that answers 204 at once.
 *
 * <p>Latency is from the SCIM 201 (the commit the IdP saw) to the receiver reading the event.
 * Baseline, in the same run: for the same sequential users, from the same 201 to the app user the
 * stream derived being readable through the admin API, so the ratio is what the outbox hop adds to
 * the stream's own latency. Throughput: a burst of users from several IdP threads, events received
 * per second from the first commit to the last event.
 *
 * <p>Run: {@code mvn -q -pl bench/webhook-delivery -am package -DskipTests && java -jar
 * bench/webhook-delivery/target/webhook-delivery.jar [sequential, default 50] [burst, default 500]}
 */
public final class WebhookDeliveryBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WRITERS = 4;
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** Nanos at which the receiver read each user's event, by userName. */
  private final Map<String, Long> received = new ConcurrentHashMap<>();
  private final String base;
  private final String adminToken;
  private String scimBase;
  private String scimToken;

  private WebhookDeliveryBench(LocalStack stack) {
    this.base = "http://127.0.0.1:" + stack.port();
    this.adminToken = stack.adminToken();
  }

  public static void main(String[] args) throws Exception {
    int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int burst = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (LocalStack stack = LocalStack.start(new LocalStackConfig(0, null, true, Optional.empty()))) {
      new WebhookDeliveryBench(stack).run(sequential, burst);
    }
  }

  private void run(int sequential, int burst) throws Exception {
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService receiving = Executors.newFixedThreadPool(4);
    receiver.setExecutor(receiving);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      long at = System.nanoTime();
      userName(body).ifPresent(name -> received.putIfAbsent(name, at));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try {
      call("PUT", base + "/admin/v1/workspaces/default/webhook", adminToken,
          "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
      JsonNode connection = call("POST", base + "/admin/v1/workspaces/default/connections", adminToken,
          "{\"name\":\"Okta\",\"type\":\"okta\"}");
      scimBase = base + "/scim/v2/" + connection.get("id").asText();
      scimToken = connection.get("bearerToken").asText();

      // Warm-up: the handlers' first requests and the JIT.
      for (int i = 0; i < 20; i++) {
        awaitEvent(createUser("warm-" + i), System.nanoTime());
      }

      List<Long> webhook = new ArrayList<>();
      List<Long> derived = new ArrayList<>();
      for (int i = 0; i < sequential; i++) {
        String name = "seq-" + i + "@example.com";
        JsonNode user = call("POST", scimBase + "/Users", scimToken, userJson(name));
        long committed = System.nanoTime();
        derived.add(awaitAppUser(user.get("id").asText()) - committed);
        webhook.add(awaitEvent(name, committed) - committed);
      }

      Map<String, Long> commits = new ConcurrentHashMap<>();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(writers.submit(() -> {
          for (int i = writer; i < burst; i += WRITERS) {
            String name = "burst-" + i + "@example.com";
            call("POST", scimBase + "/Users", scimToken, userJson(name));
            commits.put(name, System.nanoTime());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      writers.shutdown();
      long last = 0;
      List<Long> burstLatency = new ArrayList<>();
      for (Map.Entry<String, Long> commit : commits.entrySet()) {
        long at = awaitEvent(commit.getKey(), start);
        last = Math.max(last, at);
        burstLatency.add(at - commit.getValue());
      }
      double seconds = (last - start) / 1e9;

      System.out.printf("webhook delivery, embedded stack, %d cores, load average %.2f%n",
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf("%-44s %9s %9s %9s%n", "", "p50 ms", "p99 ms", "max ms");
      row("baseline: commit -> app user derived (seq)", derived);
      row("commit -> webhook received (seq)", webhook);
      row("commit -> webhook received (burst)", burstLatency);
      System.out.printf("ratio webhook/derived p50 %.2f, p99 %.2f%n",
          percentile(webhook, 50) / percentile(derived, 50), percentile(webhook, 99) / percentile(derived, 99));
      System.out.printf("burst: %d events in %.1f s = %.1f events/s delivered (%d IdP threads)%n",
          burst, seconds, burst / seconds, WRITERS);
    } finally {
      receiver.stop(0);
      // Its threads are not daemons: left running, the JVM would not exit.
      receiving.shutdownNow();
    }
  }

  private String createUser(String prefix) throws Exception {
    String name = prefix + "@example.com";
    call("POST", scimBase + "/Users", scimToken, userJson(name));
    return name;
  }

  private static String userJson(String name) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "\"}";
  }

  /** The userName the event is about: the receiver's bench key. */
  private static Optional<String> userName(String body) {
    try {
      JsonNode data = JSON.readTree(body).path("data");
      JsonNode name = data.path("user").path("userName");
      return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private long awaitEvent(String userName, long since) throws InterruptedException {
    long deadline = since + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Long at = received.get(userName);
      if (at != null) {
        return at;
      }
      Thread.sleep(1);
    }
    throw new IllegalStateException("no event for " + userName + " within " + TIMEOUT);
  }

  private long awaitAppUser(String id) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<Void> response = http.send(
          HttpRequest.newBuilder(URI.create(base + "/admin/v1/workspaces/default/users/" + id))
              .header("Authorization", "Bearer " + adminToken).build(),
          HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        return System.nanoTime();
      }
      Thread.sleep(1);
    }
    throw new IllegalStateException("app user " + id + " not derived within " + TIMEOUT);
  }

  private JsonNode call(String method, String url, String token, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", url.contains("/scim/") ? "application/scim+json" : "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static void row(String name, List<Long> nanos) {
    System.out.printf("%-44s %9.1f %9.1f %9.1f%n", name, percentile(nanos, 50), percentile(nanos, 99),
        nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double percentile(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int rank = Math.max(1, (int) Math.ceil(p / 100.0 * sorted.size()));
    return sorted.get(rank - 1) / 1e6;
  }
}
