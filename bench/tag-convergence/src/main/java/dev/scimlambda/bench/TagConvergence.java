package dev.scimlambda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.local.LocalStack;
import dev.scimlambda.local.LocalStackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How long a group rename takes to reach every member's {@code Group:} tag in the embedded stack:
 * the real handlers behind its HTTP gateway, DynamoDB Local in memory, the stream delivered to the
 * stream handler every 200 ms as Lambda's event source mapping would. Everything goes through HTTP,
 * as an IdP and an admin would send it. The baseline is the same rename of a 1-member group in the
 * same run, so the ratio shows what the group's size costs.
 *
 * <p>Run: {@code mvn -q -pl bench/tag-convergence -am package -DskipTests && java -jar
 * bench/tag-convergence/target/tag-convergence.jar [members, default 10000]}
 */
public final class TagConvergence {

  private static final int DEFAULT_MEMBERS = 10_000;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  /** Below the SCIM API's 1 MiB body limit with room for the envelope; bigger groups are sent in parts. */
  private static final int MAX_BODY_BYTES = 900 * 1024;
  private static final String WS = "default";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final String adminToken;
  private String scimBase;
  private String scimToken;

  private TagConvergence(LocalStack stack) {
    // The gateway listens on 127.0.0.1 only; "localhost" may resolve to ::1 first.
    this.base = "http://127.0.0.1:" + stack.port();
    this.adminToken = stack.adminToken();
  }

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MEMBERS;
    if (members < 1) {
      throw new IllegalArgumentException("members must be at least 1");
    }
    // The JDK server otherwise writes a response's headers and body under Nagle's algorithm, and each request
    // waits out the client's delayed ACK: about a third of a user's provisioning time, none of it DynamoDB's.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (LocalStack stack = LocalStack.start(new LocalStackConfig(0, null, true, Optional.empty()))) {
      new TagConvergence(stack).run(members);
    }
    // DynamoDB Local leaves non-daemon job threads behind after it stops, which would keep the JVM up for minutes.
    System.exit(0);
  }

  private void run(int members) throws Exception {
    JsonNode connection = call("POST", base + "/admin/v1/workspaces/" + WS + "/connections", adminToken,
        "{\"name\":\"Tag convergence bench\",\"type\":\"generic\"}", 201);
    scimBase = base + "/scim/v2/" + connection.get("id").asText();
    scimToken = connection.get("bearerToken").asText();

    long provisionStart = System.nanoTime();
    List<String> userIds = new ArrayList<>(members);
    for (int i = 0; i < members; i++) {
      userIds.add(call("POST", scimBase + "/Users", scimToken,
          "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i + "@example.com\"}",
          201).get("id").asText());
      if ((i + 1) % 1000 == 0) {
        System.err.printf("provisioned %d of %d users%n", i + 1, members);
      }
    }
    Duration provision = since(provisionStart);

    // The stream is delivered in order: once the 1-member group's tag shows, the users' records are all processed.
    Rename baseline = renameAfterTagged("Baseline", "Baseline renamed", userIds.subList(0, 1));
    Rename large = renameAfterTagged("All staff", "Everyone", userIds);

    System.out.printf("%nTag convergence, embedded stack (DynamoDB Local in memory), SCIM_TAG_REFRESH_CHUNK_SIZE=%s%n",
        Optional.ofNullable(System.getenv("SCIM_TAG_REFRESH_CHUNK_SIZE")).orElse("default"));
    System.out.printf("provision %,d users, one POST /Users at a time: %.1f s (%.2f ms per user)%n",
        members, seconds(provision), millis(provision) / members);
    System.out.printf("create the %,d-member group (%d request(s)): %.0f ms; its tag on every member after %.1f s%n%n",
        members, large.createRequests, millis(large.create), seconds(large.tagged));
    System.out.printf("%-26s %9s %14s %14s %18s %12s%n",
        "rename (PATCH displayName)", "members", "API call (ms)", "converged (s)", "per member (ms)", "x baseline");
    print("1-member group (baseline)", baseline, baseline);
    print(String.format("%,d-member group", members), large, baseline);
    System.out.println("converged: from sending the PATCH until GET .../tags shows the new tag on every member,"
        + " the old tag gone and no refresh running (polled every " + POLL.toMillis() + " ms)");
  }

  private static void print(String name, Rename rename, Rename baseline) {
    System.out.printf("%-26s %,9d %14.1f %14.2f %18.3f %12.1f%n", name, rename.members, millis(rename.apiCall),
        seconds(rename.converged), millis(rename.converged) / rename.members,
        millis(rename.converged) / millis(baseline.converged));
  }

  private record Rename(int members, int createRequests, Duration create, Duration tagged, Duration apiCall,
      Duration converged) {}

  /** Creates the group, waits until its tag is on every member, renames it and waits for the new tag. */
  private Rename renameAfterTagged(String name, String newName, List<String> memberIds) throws Exception {
    long createStart = System.nanoTime();
    List<List<String>> parts = parts(memberIds);
    String groupId = call("POST", scimBase + "/Groups", scimToken,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name
            + "\",\"members\":" + members(parts.get(0)) + "}", 201).get("id").asText();
    for (List<String> part : parts.subList(1, parts.size())) {
      patch(groupId, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(part) + "}");
    }
    Duration create = since(createStart);
    awaitTags(tags -> count(tags, name) == memberIds.size(), "tag of " + name);
    Duration tagged = since(createStart);

    long renameStart = System.nanoTime();
    patch(groupId, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + newName + "\"}");
    Duration apiCall = since(renameStart);
    awaitTags(tags -> count(tags, newName) == memberIds.size() && count(tags, name) == 0, "rename to " + newName);
    return new Rename(memberIds.size(), parts.size(), create, tagged, apiCall, since(renameStart));
  }

  /** Members in request-sized parts: the first for the POST, the rest as PATCH adds. */
  private static List<List<String>> parts(List<String> memberIds) {
    int perMember = members(memberIds.subList(0, 1)).length() + 1;
    int size = Math.max(1, MAX_BODY_BYTES / perMember);
    List<List<String>> parts = new ArrayList<>();
    for (int from = 0; from < memberIds.size(); from += size) {
      parts.add(memberIds.subList(from, Math.min(memberIds.size(), from + size)));
    }
    return parts;
  }

  private static String members(List<String> ids) {
    return ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",", "[", "]"));
  }

  private void patch(String groupId, String operation) throws Exception {
    call("PATCH", scimBase + "/Groups/" + groupId, scimToken,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}", 204);
  }

  /** Polls {@code GET .../tags} until the condition holds and no tag refresh is running. */
  private void awaitTags(Predicate<JsonNode> condition, String what) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonNode tags = call("GET", base + "/admin/v1/workspaces/" + WS + "/tags", adminToken, null, 200);
      if (condition.test(tags) && tags.get("refreshing").isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not converge within " + TIMEOUT + "; last seen: " + tags);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static long count(JsonNode tags, String groupName) {
    for (JsonNode tag : tags.get("tags")) {
      if (tag.get("tag").asText().equals("Group:" + groupName)) {
        return tag.get("members").asLong();
      }
    }
    return 0;
  }

  private JsonNode call(String method, String url, String token, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
