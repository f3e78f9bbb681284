package dev.scimlambda.bench.warmpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.local.LocalStack;
import dev.scimlambda.local.LocalStackConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A black-box load probe of the embedded stack as an IdP's bulk push meets it: {@code --workers}
 * (8) closed-loop HTTP clients each send their next request as soon as the last one answered, first
 * {@code POST /Users}, then {@code GET /Users/{id}} of the created users, then {@code DELETE
 * /Users/{id}} of them, each phase for {@code --seconds}. Prints rate, p50 and p99 per phase.
 *
 * <p>The stack runs in this JVM as {@code scim-local.jar} runs it: data on disk in a fresh
 * directory (or {@code --in-memory}), the stream function and webhook worker running. With {@code
 * --url=http://127.0.0.1:8080 --token=…} it probes a stack started elsewhere instead.
 *
 * <p>{@code java -cp bench/warm-path/target/warm-path.jar dev.scimlambda.bench.warmpath.LoadProbe
 * [--workers=8] [--seconds=15] [--warmup=10] [--in-memory]}
 */
public final class LoadProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String scimBase;
  private final String bearer;
  private final int workers;
  private final AtomicInteger sequence = new AtomicInteger();

  private LoadProbe(String scimBase, String bearer, int workers) {
    this.scimBase = scimBase;
    this.bearer = bearer;
    this.workers = workers;
  }

  /**
   * @param cpuNanos CPU time of this whole JVM (stack and probe) during the phase: on a shared
   *     machine the rate follows the other processes' load, the CPU spent per request does not
   */
  record Phase(String name, int requests, int errors, double seconds, long[] sortedNanos, long cpuNanos) {
    double rate() {
      return requests / seconds;
    }

    double cpuMillisPerRequest() {
      return requests == 0 ? Double.NaN : cpuNanos / 1e6 / requests;
    }

    double p(double quantile) {
      return sortedNanos.length == 0 ? Double.NaN
          : sortedNanos[Math.max(0, (int) Math.ceil(sortedNanos.length * quantile) - 1)] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int workers = 8;
    int seconds = 15;
    int warmup = 10;
    boolean inMemory = false;
    String url = null;
    String token = null;
    for (String arg : args) {
      if (arg.startsWith("--workers=")) {
        workers = Integer.parseInt(arg.substring("--workers=".length()));
      } else if (arg.startsWith("--seconds=")) {
        seconds = Integer.parseInt(arg.substring("--seconds=".length()));
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(arg.substring("--warmup=".length()));
      } else if (arg.equals("--in-memory")) {
        inMemory = true;
      } else if (arg.startsWith("--url=")) {
        url = arg.substring("--url=".length());
      } else if (arg.startsWith("--token=")) {
        token = arg.substring("--token=".length());
      } else {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (url != null) {
      probe(url, token, workers, seconds, warmup, "external stack at " + url);
    } else {
      Path dataDir = inMemory ? null : Files.createTempDirectory("load-probe");
      try (LocalStack stack = LocalStack.start(new LocalStackConfig(0, dataDir, inMemory, Optional.empty()))) {
        probe("http://127.0.0.1:" + stack.port(), stack.adminToken(), workers, seconds, warmup,
            inMemory ? "in-process stack, in memory" : "in-process stack, data on disk");
      }
    }
    System.exit(0);
  }

  private static void probe(String base, String adminToken, int workers, int seconds, int warmup, String subject)
      throws Exception {
    HttpClient setup = HttpClient.newHttpClient();
    JsonNode connection = JSON.readTree(setup.send(
        HttpRequest.newBuilder(URI.create(base + "/admin/v1/workspaces/default/connections"))
            .header("authorization", "Bearer " + adminToken).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Load probe " + System.nanoTime() + "\",\"type\":\"okta\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString()).body());
    LoadProbe probe = new LoadProbe(base + "/scim/v2/" + connection.get("id").asText(),
        connection.get("bearerToken").asText(), workers);
    probe.run(seconds, warmup, subject);
  }

  private void run(int seconds, int warmup, String subject) throws Exception {
    // Unmeasured: the JIT compiles the request path and DynamoDB Local warms up.
    ConcurrentLinkedQueue<String> warm = new ConcurrentLinkedQueue<>();
    phase("warm-up create", warmup, i -> create(warm));
    List<String> warmIds = new ArrayList<>(warm);
    phase("warm-up get", warmup, i -> get(warmIds.get(i % warmIds.size())));
    ConcurrentLinkedQueue<String> toDelete = new ConcurrentLinkedQueue<>(warmIds);
    phase("warm-up delete", warmup, i -> delete(toDelete));

    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
    Phase post = phase("POST /Users", seconds, i -> create(created));
    List<String> ids = new ArrayList<>(created);
    Phase get = phase("GET /Users/{id}", seconds, i -> get(ids.get(Math.floorMod(i * 7919, ids.size()))));
    ConcurrentLinkedQueue<String> remaining = new ConcurrentLinkedQueue<>(ids);
    Phase delete = phase("DELETE /Users/{id}", seconds, i -> delete(remaining));
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    System.out.printf("%nLoad probe: %s, %d closed-loop workers over HTTP, %d s per phase%n", subject, workers, seconds);
    System.out.printf("java %s, %d CPUs, load average %.2f before, %.2f after%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    System.out.printf("%-20s %9s %8s %9s %9s %7s %12s%n", "phase", "requests", "rate/s", "p50 ms", "p99 ms", "errors",
        "CPU ms/req");
    for (Phase phase : List.of(post, get, delete)) {
      System.out.printf("%-20s %9d %8.1f %9.1f %9.1f %7d %12.1f%n", phase.name(), phase.requests(), phase.rate(),
          phase.p(0.50), phase.p(0.99), phase.errors(), phase.cpuMillisPerRequest());
    }
  }

  /**
   * Runs {@code request} on every worker until {@code seconds} pass (or a DELETE phase runs out of
   * users); {@code request} returns the status, or 0 when there was nothing left to do.
   */
  private Phase phase(String name, int seconds, IntFunction<Integer> request) throws InterruptedException {
    ConcurrentLinkedQueue<long[]> results = new ConcurrentLinkedQueue<>();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(workers);
    for (int w = 0; w < workers; w++) {
      Thread worker = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            int i = sequence.incrementAndGet();
            long sent = System.nanoTime();
            int status = request.apply(i);
            if (status == 0) {
              break;
            }
            results.add(new long[] {status, System.nanoTime() - sent});
          }
        } finally {
          done.countDown();
        }
      }, "probe-" + w);
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] nanos = results.stream().mapToLong(r -> r[1]).sorted().toArray();
    int errors = (int) results.stream().filter(r -> r[0] < 200 || r[0] >= 300).count();
    return new Phase(name, nanos.length, errors, elapsed, nanos, processCpuNanos() - cpuStart);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private int create(ConcurrentLinkedQueue<String> created) {
    String name = "probe" + sequence.incrementAndGet() + "-" + System.nanoTime();
    HttpResponse<String> response = send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
        + "\"userName\":\"" + name + "@example.com\",\"name\":{\"givenName\":\"Probe\",\"familyName\":\"" + name + "\"},"
        + "\"emails\":[{\"value\":\"" + name + "@example.com\",\"type\":\"work\",\"primary\":true}],\"active\":true}");
    if (response.statusCode() == 201) {
      try {
        created.add(JSON.readTree(response.body()).get("id").asText());
      } catch (Exception e) {
        throw new IllegalStateException("201 without an id: " + response.body(), e);
      }
    }
    return response.statusCode();
  }

  private int get(String id) {
    return send("GET", "/Users/" + id, null).statusCode();
  }

  private int delete(ConcurrentLinkedQueue<String> remaining) {
    String id = remaining.poll();
    return id == null ? 0 : send("DELETE", "/Users/" + id, null).statusCode();
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scimBase + path))
        .header("authorization", "Bearer " + bearer)
        .timeout(Duration.ofSeconds(30));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("content-type", "application/scim+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }
}
