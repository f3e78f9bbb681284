package dev.scimlambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scim-local.jar} as a user runs it, killed in the middle of a burst of SCIM writes and
 * started again on the same data folder: every write the IdP saw acknowledged ends with its derived
 * state (the app user, its seat, the {@code Group:} tag of each acknowledged membership), and the
 * stop sends nothing to the on-failure file.
 *
 * <p>Runs in the integration-test phase, after the jar is packaged (see this module's pom), which
 * passes the jar's path as {@code scim.local.jar}.
 */
class ScimLocalKillAndRestartTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_TOKEN = "admin-kill-test";
  private static final int WRITERS = 4;
  private static final int KILL_AFTER_USERS = 60;
  // Generous bounds for a loaded build machine; an idle one starts in seconds and converges in a few.
  private static final Duration READY = Duration.ofSeconds(90);
  private static final Duration CONVERGED = Duration.ofSeconds(120);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  @TempDir Path dataDir;

  /** What the IdP was told succeeded: users by email, and each group's acknowledged members. */
  private final Map<String, String> acknowledgedUsers = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> acknowledgedMembers = new ConcurrentHashMap<>();

  @Test
  void aSigtermMidBurstLosesNoDerivedStateAfterRestart() throws Exception {
    killMidBurstAndRestart(Process::destroy);
  }

  @Test
  void aSigkillMidBurstLosesNoDerivedStateAfterRestart() throws Exception {
    killMidBurstAndRestart(Process::destroyForcibly);
  }

  /**
   * Webhook events pile up in the outbox while the receiver holds the first delivery without
   * answering; SIGKILL; after a restart every event that was pending arrives, signed, each under
   * its own webhook-id.
   */
  @Test
  void aSigkillWithWebhookDeliveriesPendingDeliversEveryPendingEventAfterRestart() throws Exception {
    String jar = System.getProperty("scim.local.jar");
    assumeThat(jar).as("runs in the integration-test phase, once scim-local.jar is packaged").isNotNull();
    int users = 20;
    try (HangingReceiver receiver = new HangingReceiver()) {
      int port = freePort();
      Process stack = start(jar, port, "first");
      Path outbox = dataDir.resolve("webhook-outbox");
      try {
        String secret = admin(port, "PUT", "/webhook", "{\"url\":\"" + receiver.url() + "\"}").get("signingSecret").asText();
        receiver.useSecret(secret);
        JsonNode connection = admin(port, "POST", "/connections", "{\"name\":\"Okta\",\"type\":\"okta\"}");
        String base = connection.get("scimBaseUrl").asText().replace("localhost", "127.0.0.1");
        for (int i = 0; i < users; i++) {
          assertThat(scim(base, connection.get("bearerToken").asText(), "/Users",
              "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"hook" + i + "@example.com\"}"))
              .as("user %d acknowledged", i).isNotNull();
        }
        assertThat(receiver.awaitFirstRequest(READY)).as("the first delivery reached the receiver").isTrue();
        awaitPending(outbox, users);
        stack.destroyForcibly();
        assertThat(stack.waitFor(30, TimeUnit.SECONDS)).as("the stack exits").isTrue();
      } finally {
        stack.destroyForcibly().waitFor();
      }
      Set<String> pending = new HashSet<>();
      new dev.scimlambda.stream.DirectoryWebhookOutbox(outbox).pending().forEach(p -> pending.add(p.event().eventId()));
      assertThat(pending).as("events pending at the kill").hasSizeGreaterThanOrEqualTo(users);
      receiver.answerFromNowOn();

      Process restarted = start(jar, freePort(), "restarted");
      try {
        long deadline = System.nanoTime() + CONVERGED.toNanos();
        while (!receiver.deliveredIds().containsAll(pending) && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(receiver.deliveredIds()).as("every pending event arrived, signed").containsAll(pending);
        assertThat(receiver.unsigned()).as("deliveries whose signature did not verify").isZero();
      } finally {
        restarted.destroy();
        restarted.waitFor(30, TimeUnit.SECONDS);
        restarted.destroyForcibly().waitFor();
      }
    }
  }

  private static void awaitPending(Path outbox, int atLeast) throws Exception {
    long deadline = System.nanoTime() + CONVERGED.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(outbox)) {
        try (var files = Files.list(outbox)) {
          if (files.filter(f -> f.getFileName().toString().endsWith(".json")).count() >= atLeast) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("fewer than " + atLeast + " events reached the webhook outbox");
  }

  /**
   * A webhook receiver that holds every request without answering until {@link #answerFromNowOn},
   * then answers 200 to deliveries whose Standard Webhooks signature verifies.
   */
  private static final class HangingReceiver implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final java.util.concurrent.CountDownLatch firstRequest = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch answering = new java.util.concurrent.CountDownLatch(1);
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unsigned = new AtomicInteger();
    private volatile String secret;

    HangingReceiver() throws IOException {
      server = com.sun.net.httpserver.HttpServer.create(
          new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(handlers);
      server.createContext("/hook", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        firstRequest.countDown();
        try {
          answering.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        String id = exchange.getRequestHeaders().getFirst(dev.scimlambda.events.WebhookSignature.ID_HEADER);
        String timestamp = exchange.getRequestHeaders().getFirst(dev.scimlambda.events.WebhookSignature.TIMESTAMP_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(dev.scimlambda.events.WebhookSignature.SIGNATURE_HEADER);
        boolean valid = id != null && timestamp != null && signature != null && signature.equals(
            dev.scimlambda.events.WebhookSignature.header(List.of(secret), id, Long.parseLong(timestamp), body));
        if (valid) {
          delivered.add(id);
        } else {
          unsigned.incrementAndGet();
        }
        exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        exchange.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void useSecret(String signingSecret) {
      secret = signingSecret;
    }

    boolean awaitFirstRequest(Duration timeout) throws InterruptedException {
      return firstRequest.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void answerFromNowOn() {
      answering.countDown();
    }

    Set<String> deliveredIds() {
      return Set.copyOf(delivered);
    }

    int unsigned() {
      return unsigned.get();
    }

    @Override
    public void close() {
      answering.countDown();
      server.stop(0);
      handlers.shutdownNow();
    }
  }

  private void killMidBurstAndRestart(Consumer<Process> kill) throws Exception {
    String jar = System.getProperty("scim.local.jar");
    assumeThat(jar).as("runs in the integration-test phase, once scim-local.jar is packaged").isNotNull();
    int port = freePort();

    Process stack = start(jar, port, "first");
    JsonNode connection;
    try {
      connection = admin(port, "POST", "/connections", "{\"name\":\"Okta\",\"type\":\"okta\"}");
      burstUntilKilled(port, connection, stack, kill);
    } finally {
      stack.destroyForcibly().waitFor();
    }
    assertThat(acknowledgedUsers).hasSizeGreaterThanOrEqualTo(KILL_AFTER_USERS);

    int restartPort = freePort();
    Process restarted = start(jar, restartPort, "restarted");
    try {
      Map<String, JsonNode> appUsers = awaitDerivedState(restartPort);
      acknowledgedUsers.keySet().forEach(email -> {
        JsonNode user = appUsers.get(email);
        assertThat(user).as("app user of %s", email).isNotNull();
        assertThat(user.get("seat").asBoolean()).as("seat of %s", email).isTrue();
        assertThat(tags(user)).as("tags of %s", email).containsAll(expectedTags(email));
      });
      Path failures = dataDir.resolve("stream-failures.jsonl");
      assertThat(Files.exists(failures) ? Files.readAllLines(failures) : List.<String>of())
          .as("records sent to the on-failure file").isEmpty();
    } finally {
      restarted.destroy();
      restarted.waitFor(30, TimeUnit.SECONDS);
      restarted.destroyForcibly().waitFor();
    }
  }

  /**
   * {@value #WRITERS} IdP threads create users, and every fifth user a group holding that thread's
   * last five users; the stack is killed once {@value #KILL_AFTER_USERS} users are acknowledged,
   * while the writers are still sending.
   */
  private void burstUntilKilled(int port, JsonNode connection, Process stack, Consumer<Process> kill) throws Exception {
    String base = connection.get("scimBaseUrl").asText().replace("localhost", "127.0.0.1");
    String token = connection.get("bearerToken").asText();
    AtomicInteger acknowledged = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.submit(() -> {
        List<String> mine = new ArrayList<>();
        for (int i = 0; ; i++) {
          String email = "w" + writer + "-u" + i + "@example.com";
          JsonNode created = scim(base, token, "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
              + "\"userName\":\"" + email + "\",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]}");
          if (created == null) {
            return null;
          }
          acknowledgedUsers.put(email, created.get("id").asText());
          mine.add(created.get("id").asText());
          acknowledged.incrementAndGet();
          if (i % 5 == 4) {
            String group = "Team-w" + writer + "-" + i;
            List<String> members = mine.subList(mine.size() - 5, mine.size());
            String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + group
                + "\",\"members\":[" + String.join(",", members.stream().map(id -> "{\"value\":\"" + id + "\"}").toList()) + "]}";
            if (scim(base, token, "/Groups", body) == null) {
              return null;
            }
            acknowledgedMembers.put(group, Set.copyOf(members));
          }
        }
      });
    }
    long deadline = System.nanoTime() + READY.toNanos();
    while (acknowledged.get() < KILL_AFTER_USERS && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    kill.accept(stack);
    assertThat(stack.waitFor(30, TimeUnit.SECONDS)).as("the stack exits").isTrue();
    writers.shutdown();
    assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /** The created resource for a 201, or null once the stack stops answering (the write is not acknowledged). */
  private JsonNode scim(String base, String token, String path, String body) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 201 ? JSON.readTree(response.body()) : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  private Set<String> expectedTags(String email) {
    String id = acknowledgedUsers.get(email);
    Set<String> expected = new HashSet<>();
    acknowledgedMembers.forEach((group, members) -> {
      if (members.contains(id)) {
        expected.add("Group:" + group);
      }
    });
    return expected;
  }

  private static Set<String> tags(JsonNode user) {
    Set<String> tags = new HashSet<>();
    user.get("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** The workspace's app users by email, once every acknowledged write shows, or as they are at the deadline. */
  private Map<String, JsonNode> awaitDerivedState(int port) throws Exception {
    long deadline = System.nanoTime() + CONVERGED.toNanos();
    while (true) {
      Map<String, JsonNode> users = appUsers(port);
      boolean complete = acknowledgedUsers.keySet().stream().allMatch(email ->
          users.containsKey(email) && users.get(email).get("seat").asBoolean()
              && tags(users.get(email)).containsAll(expectedTags(email)));
      if (complete || System.nanoTime() > deadline) {
        return users;
      }
      Thread.sleep(250);
    }
  }

  private Map<String, JsonNode> appUsers(int port) throws Exception {
    Map<String, JsonNode> users = new HashMap<>();
    String cursor = null;
    do {
      JsonNode page = admin(port, "GET", "/users?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
      page.get("users").forEach(u -> users.put(u.get("email").asText(), u));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return users;
  }

  private JsonNode admin(int port, String method, String path, String body) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/workspaces/default" + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }

  /** Starts the jar as a child process and waits until its admin API answers. */
  private Process start(String jar, int port, String run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar)
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("scim-local-" + run + ".log").toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("SCIM_DATA_DIR", dataDir.toString());
    builder.environment().put("SCIM_ADMIN_TOKEN", ADMIN_TOKEN);
    // A delivery that timed out before the kill is due again within seconds, not the default minute.
    builder.environment().put("SCIM_WEBHOOK_RETRY_BASE", "PT1S");
    Process process = builder.start();
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("scim-local.jar (%s) is running", run).isTrue();
      try {
        HttpResponse<Void> ready = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/workspaces/default"))
                .timeout(Duration.ofSeconds(2)).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
            HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return process;
        }
      } catch (HttpTimeoutException | java.net.ConnectException e) {
        // not listening yet
      } catch (IOException e) {
        // closed while starting
      }
      Thread.sleep(100);
    }
    process.destroyForcibly().waitFor();
    throw new AssertionError("scim-local.jar (" + run + ") did not answer within " + READY);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
