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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How long an IdP's group push takes on the embedded stack: 1,000 members added to a group by 10
 * sequential PATCHes of 100 (the size Entra and Okta send), against a baseline measured in the same
 * run on the same stack: 10 sequential PATCHes renaming a group (the same request path, auth,
 * activity log and group write, without members). Each round uses a new group and the same 1,000
 * users; the first {@code --warmup} rounds are not counted. Prints the median and range of the rounds
 * and the load average.
 *
 * <p>Run from the repository root: {@code mvn -q -DskipTests package -pl bench/warm-path -am && java -cp
 * bench/warm-path/target/warm-path.jar dev.scimlambda.bench.warmpath.MemberBatches [--rounds=5] [--warmup=2]}
 */
public final class MemberBatches {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 1000;
  private static final int PER_PATCH = 100;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String scimBase;
  private final String bearer;
  private final List<String> users = new ArrayList<>();
  private int groupNumber;

  private MemberBatches(String scimBase, String bearer) {
    this.scimBase = scimBase;
    this.bearer = bearer;
  }

  public static void main(String[] args) throws Exception {
    int rounds = 5;
    int warmup = 2;
    for (String arg : args) {
      if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(arg.substring("--warmup=".length()));
      } else {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (LocalStack stack = LocalStack.start(new LocalStackConfig(0, null, true, Optional.empty()))) {
      String base = "http://127.0.0.1:" + stack.port();
      HttpClient setup = HttpClient.newHttpClient();
      JsonNode connection = JSON.readTree(setup.send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/workspaces/default/connections"))
          .header("authorization", "Bearer " + stack.adminToken()).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Member batches bench\",\"type\":\"azure\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      new MemberBatches(base + "/scim/v2/" + connection.get("id").asText(), connection.get("bearerToken").asText())
          .run(stack, rounds, warmup);
    }
    System.exit(0);
  }

  private void run(LocalStack stack, int rounds, int warmup) throws Exception {
    for (int i = 0; i < USERS; i++) {
      users.add(id(send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"member"
          + i + "@example.com\",\"active\":true}", 201)));
    }
    stack.drainStream();
    List<Double> baseline = new ArrayList<>();
    List<Double> members = new ArrayList<>();
    double loadBefore = load();
    for (int round = 0; round < warmup + rounds; round++) {
      double renames = renames();
      double adds = memberAdds();
      // The stream's work for this round (tags, events) is not the next round's.
      stack.drainStream();
      if (round >= warmup) {
        baseline.add(renames);
        members.add(adds);
      }
      System.out.printf("round %d%s: 10 renames %.0f ms, 10 PATCHes of 100 members %.0f ms%n", round + 1,
          round < warmup ? " (warm-up)" : "", renames, adds);
    }
    System.out.printf("%n1,000 members by 10 PATCHes of 100, embedded stack, %d rounds after %d warm-up; java %s, %d CPUs,"
        + " load average %.2f before, %.2f after%n", rounds, warmup, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), loadBefore, load());
    System.out.printf("%-40s %10s %22s%n", "row", "median ms", "[min-max]");
    row("baseline: 10 PATCHes renaming a group", baseline);
    row("10 PATCHes adding 100 members each", members);
    System.out.printf("ratio to the baseline (medians): %.1fx%n", median(members) / median(baseline));
  }

  private double renames() throws Exception {
    String group = newGroup();
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      send("PATCH", "/Groups/" + group, "{\"schemas\":[\"" + PATCH_OP
          + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed " + groupNumber + "-" + i
          + "\"}]}", 200, 204);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private double memberAdds() throws Exception {
    String group = newGroup();
    long start = System.nanoTime();
    for (int from = 0; from < USERS; from += PER_PATCH) {
      String value = users.subList(from, from + PER_PATCH).stream().map(id -> "{\"value\":\"" + id + "\"}")
          .collect(Collectors.joining(","));
      send("PATCH", "/Groups/" + group, "{\"schemas\":[\"" + PATCH_OP
          + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + value + "]}]}", 200, 204);
    }
    double elapsed = (System.nanoTime() - start) / 1e6;
    if (members(group) != USERS) {
      throw new IllegalStateException("the group does not have " + USERS + " members");
    }
    return elapsed;
  }

  private int members(String group) throws Exception {
    return JSON.readTree(send("GET", "/Groups/" + group, null, 200).body()).path("members").size();
  }

  private String newGroup() throws Exception {
    groupNumber++;
    return id(send("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Batch "
        + groupNumber + "\"}", 201));
  }

  private HttpResponse<String> send(String method, String path, String body, int... expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scimBase + path))
        .header("authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.GET();
    } else {
      request.header("content-type", "application/scim+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  private static String id(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("id").asText();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void row(String name, List<Double> values) {
    System.out.printf("%-40s %10.0f %22s%n", name, median(values),
        String.format("[%.0f-%.0f]", values.stream().mapToDouble(d -> d).min().orElse(0),
            values.stream().mapToDouble(d -> d).max().orElse(0)));
  }
}
