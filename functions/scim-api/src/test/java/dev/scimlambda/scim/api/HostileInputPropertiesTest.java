package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input through the real handler (issue 15): very long and adversarial strings (runs of
 * {@code @}, dots, brackets, quotes, up to 60,000 characters) as filters, PATCH paths and values,
 * bulk operations and ids. Every answer is a SCIM answer below 500, and costs at most {@value
 * #CPU_BOUND_MS} ms of the handler thread's CPU time (what a slow regex spends) and {@value
 * #WALL_BOUND_MS} ms of wall time (what an unbounded scan waits on DynamoDB), both measured around
 * the handler call. CPU time, not wall time, carries the tight bound: the test machine is shared,
 * and waiting for a core is not the handler's cost. A slow regex or scan is slow every time, a
 * pause of the machine is not: a request over a bound is timed once more and the faster run counts.
 * The tries are tuned for the suite to finish within a minute in CI (about 35 s of properties on a
 * heavily loaded 2-core machine).
 */
class HostileInputPropertiesTest {

  static final long CPU_BOUND_MS = 250;
  static final long WALL_BOUND_MS = 2_000;
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private static TestStack stack;
  private static ScimApiHandler handler;
  private static IssuedConnection connection;
  private static String userId;
  private static String groupId;

  @BeforeContainer
  static void start() {
    stack = TestStack.start();
    handler = new ScimApiHandler(stack.context());
    stack.context().getBean(Workspaces.class).ensureDefault();
    connection = stack.context().getBean(Connections.class).create("default", "hostile", "generic");
    userId = call("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"h@example.com\","
        + "\"emails\":[{\"value\":\"h@example.com\",\"type\":\"work\"}]}").json().get("id").asText();
    groupId = call("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"hostile\"}")
        .json().get("id").asText();
    // Warm the paths the properties take, so the bound measures the code and not the JIT.
    for (int i = 0; i < 10; i++) {
      call("GET", "/Users?filter=" + URLEncoder.encode("userName eq \"x" + i + "\"", StandardCharsets.UTF_8), null);
      call("PATCH", "/Users/" + userId, patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"t" + i + "\"}"));
      call("POST", "/Bulk", bulk("{\"method\":\"DELETE\",\"path\":\"/Users/none" + i + "\"}"));
    }
  }

  @AfterContainer
  static void stop() {
    stack.close();
  }

  private static ApiResult call(String method, String path, String body) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken());
    if (body != null) {
      call.body("application/scim+json", body);
    }
    return call.invoke(handler);
  }

  /** The request's answer and what it cost the handler. */
  private record Timed(ApiResult result, long cpuMillis, long wallMillis) {
    boolean withinBounds() {
      return cpuMillis <= CPU_BOUND_MS && wallMillis <= WALL_BOUND_MS;
    }
  }

  private static Timed timed(String method, String path, String body) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    ApiResult result = call(method, path, body);
    return new Timed(result, (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
  }

  /** The request's answer, checked: below 500, a SCIM error when it is one, and within the bounds. */
  private static void assertBoundedScimAnswer(String method, String path, String body) {
    Timed first = timed(method, path, body);
    Timed measured = first;
    if (!first.withinBounds()) {
      Timed again = timed(method, path, body);
      measured = new Timed(first.result(), Math.min(first.cpuMillis(), again.cpuMillis()),
          Math.min(first.wallMillis(), again.wallMillis()));
    }
    ApiResult result = first.result();
    String shown = method + " " + abbreviated(path) + " → " + abbreviated(result.toString());
    assertThat(result.status()).as(shown).isBetween(200, 499);
    if (result.status() >= 400) {
      assertThat(result.json().get("schemas").get(0).asText()).as(shown).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }
    assertThat(measured.cpuMillis()).as("CPU milliseconds for " + shown).isLessThanOrEqualTo(CPU_BOUND_MS);
    assertThat(measured.wallMillis()).as("wall milliseconds for " + shown).isLessThanOrEqualTo(WALL_BOUND_MS);
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " characters)";
  }

  private static String json(String text) {
    try {
      return ScimJson.MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Percent-encodes everything but unreserved characters, as a client puts an id in a path. */
  private static String pathSegment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String patch(String operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";
  }

  private static String bulk(String operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations + "]}";
  }

  /** Short random text, or a unit of hostile characters repeated up to 60,000 characters. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> unit = Arbitraries.of("@", ".", "[", "]", "\"", "a", "(", ")", " ", "\\", "a@", "@.", ".a", "eq ",
            "%", "#", "é", "\uD83D\uDE00", "/", ",", "'")
        .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    Arbitrary<Integer> lengths = Arbitraries.of(1, 100, 1_100, 5_000, 20_000, 60_000);
    Arbitrary<String> repeated = Combinators.combine(unit, lengths)
        .as((u, n) -> u.repeat(Math.max(1, n / u.length())));
    return Arbitraries.oneOf(repeated, repeated.map(s -> "local" + s + "@example.com"),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Property(tries = 20)
  void filtersOfHostileText(@ForAll("hostile") String text) {
    assertBoundedScimAnswer("GET", "/Users?filter=" + query(text), null);
    assertBoundedScimAnswer("GET", "/Users?filter=" + query("userName eq " + json(text)), null);
    assertBoundedScimAnswer("GET", "/Groups?filter=" + query("displayName eq " + json(text) + " or title co " + json(text)), null);
    assertBoundedScimAnswer("GET", "/Users?filter=" + query("emails[value eq " + json(text) + "]") + "&sortBy=" + query(text), null);
  }

  @Property(tries = 20)
  void attributeListsAndPagingOfHostileText(@ForAll("hostile") String text) {
    assertBoundedScimAnswer("GET", "/Users?attributes=" + query(text) + "&excludedAttributes=" + query(text)
        + "&startIndex=" + query(text) + "&count=" + query(text), null);
    assertBoundedScimAnswer("GET", "/Users?startIndex=2147483647&cursor=" + query(text), null);
  }

  @Property(tries = 15)
  void patchesOfHostileText(@ForAll("hostile") String text) {
    assertBoundedScimAnswer("PATCH", "/Users/" + userId,
        patch("{\"op\":\"replace\",\"path\":" + json(text) + ",\"value\":\"x\"}"));
    assertBoundedScimAnswer("PATCH", "/Users/" + userId,
        patch("{\"op\":\"add\",\"path\":\"emails[type eq " + json(text).replace("\\", "\\\\").replace("\"", "\\\"")
            + "].value\",\"value\":" + json(text) + "}"));
    assertBoundedScimAnswer("PATCH", "/Groups/" + groupId,
        patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":" + json(text) + ",\"display\":" + json(text) + "}]}"));
    assertBoundedScimAnswer("PATCH", "/Groups/" + groupId, patch("{\"op\":\"replace\",\"value\":{\"displayName\":" + json(text)
        + ",\"externalId\":" + json(text) + "}}"));
  }

  @Property(tries = 20)
  void bulkRequestsOfHostileText(@ForAll("hostile") String text) {
    String create = "{\"method\":\"POST\",\"bulkId\":" + json(text) + ",\"path\":\"/Users\",\"data\":"
        + "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":" + json(text) + "}}";
    assertBoundedScimAnswer("POST", "/Bulk", bulk(create + "," + create));
    assertBoundedScimAnswer("POST", "/Bulk", bulk("{\"method\":\"DELETE\",\"path\":" + json("/Users/" + text) + "},"
        + "{\"method\":" + json(text) + ",\"path\":" + json(text) + ",\"bulkId\":\"b\"}"));
  }

  @Property(tries = 12)
  void idsOfHostileText(@ForAll("hostile") String text) {
    String id = pathSegment(text);
    for (String resource : List.of("/Users/", "/Groups/")) {
      assertBoundedScimAnswer("GET", resource + id, null);
      assertBoundedScimAnswer("DELETE", resource + id, null);
      assertBoundedScimAnswer("PATCH", resource + id, patch("{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"x\"}"));
    }
    assertBoundedScimAnswer("PUT", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":" + json(text) + "}");
  }

  @Property(tries = 20)
  void resourcesOfHostileText(@ForAll("hostile") String text) {
    assertBoundedScimAnswer("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":"
        + json(text) + ",\"externalId\":" + json(text) + ",\"emails\":[{\"value\":" + json(text) + "}]}");
    assertBoundedScimAnswer("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":"
        + json(text) + ",\"members\":[{\"value\":" + json(text) + "}]}");
  }
}
