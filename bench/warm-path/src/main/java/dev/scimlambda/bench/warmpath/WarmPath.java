package dev.scimlambda.bench.warmpath;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.ThreadMXBean;
import dev.scimlambda.admin.api.AdminApiHandler;
import dev.scimlambda.httpapi.HttpApiEvents;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm latency and allocations per request of the real SCIM handler, invoked with API Gateway events
 * as Lambda invokes it, against DynamoDB Local in this JVM: GET by id, {@code userName eq}, PATCH of a
 * user, and a group's member add. Each operation runs {@code --warmup} times unmeasured, then
 * {@code --iterations} times measured. The baseline row is one strongly consistent GetItem through the
 * handler's own SDK client (same HTTP client), DynamoDB Local's own round trip: a SCIM request makes two or three (authentication, the
 * resource, the activity log entry). Allocations are the invoking thread's (the handler and the SDK
 * client; DynamoDB Local answers on its own threads), and those of the threads the request sends its
 * side-by-side DynamoDB calls from, from {@code ThreadMXBean.getThreadAllocatedBytes}.
 *
 * <p>Run from the repository root: {@code mvn -q -DskipTests package -pl bench/warm-path -am && java -jar
 * bench/warm-path/target/warm-path.jar [--iterations=2000] [--warmup=1000]}
 */
public final class WarmPath {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final ScimApiHandler scim;
  private final DynamoDbClient dynamo;
  private final String table;
  private final String connectionId;
  private final String base;
  private final String bearer;

  private WarmPath(ScimApiHandler scim, DynamoDbClient dynamo, String table, String connectionId, String bearer) {
    this.scim = scim;
    this.dynamo = dynamo;
    this.table = table;
    this.connectionId = connectionId;
    this.base = "/scim/v2/" + connectionId;
    this.bearer = bearer;
  }

  public static void main(String[] args) {
    int iterations = 2000;
    int warmup = 1000;
    for (String arg : args) {
      if (arg.startsWith("--iterations=")) {
        iterations = Integer.parseInt(arg.substring("--iterations=".length()));
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(arg.substring("--warmup=".length()));
      } else {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    try (TestStack stack = TestStack.start()) {
      AdminApiHandler admin = new AdminApiHandler(stack.context());
      ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN)
          .json("{\"id\":\"bench\",\"name\":\"Warm path bench\"}").invoke(admin);
      JsonNode connection = ApiCall.of("POST", "/admin/v1/workspaces/bench/connections").bearer(TestStack.ADMIN_TOKEN)
          .json("{\"name\":\"Warm path\",\"type\":\"okta\"}").invoke(admin).json();
      new WarmPath(new ScimApiHandler(stack.context()), stack.context().getBean(DynamoDbClient.class), stack.tableName(),
          connection.get("id").asText(), connection.get("bearerToken").asText()).run(iterations, warmup);
    }
    // DynamoDB Local leaves non-daemon threads behind.
    System.exit(0);
  }

  private void run(int iterations, int warmup) {
    String ada = id(send("POST", "/Users", "", user("ada@example.com"), 201));
    String bob = id(send("POST", "/Users", "", user("bob@example.com"), 201));
    String group = id(send("POST", "/Groups", "",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Engineering\"}", 201));
    String addBob = patch("add", "members", "[{\"value\":\"" + bob + "\"}]");
    // A directory user is in several groups: carol is a member of five, which GET /Users/{id} lists.
    String carol = id(send("POST", "/Users", "", user("carol@example.com"), 201));
    List<String> teams = new java.util.ArrayList<>();
    for (int g = 1; g <= 5; g++) {
      teams.add(id(send("POST", "/Groups", "", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Team "
          + g + "\",\"members\":[{\"value\":\"" + carol + "\"}]}", 201)));
    }
    String removeBob = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
        + bob + "\\\"]\"}]}";

    // Each operation returns its status; the member add is followed by an unmeasured remove (in the setup of the next).
    Map<String, Operation> operations = new LinkedHashMap<>();
    operations.put("baseline: one SDK GetItem", i -> () -> {
      dynamo.getItem(b -> b.tableName(table).consistentRead(true)
          .key(Map.of("pk", AttributeValue.fromS("CONN#" + connectionId), "sk", AttributeValue.fromS("CONNECTION"))));
      return 200;
    });
    operations.put("GET /Users/{id}", handler("GET", "/Users/" + ada, "", i -> null));
    operations.put("GET /Users/{id} in 5 groups", handler("GET", "/Users/" + carol, "", i -> null));
    operations.put("GET /Users?filter=userName eq", handler("GET", "/Users", "filter=userName%20eq%20%22ada%40example.com%22",
        i -> null));
    operations.put("PATCH /Users/{id} (replace)", handler("PATCH", "/Users/" + ada, "",
        i -> patch("replace", "displayName", "\"Ada " + i + "\"")));
    // A leaver in five groups: each iteration provisions one (unmeasured), then deletes it.
    operations.put("DELETE /Users/{id} in 5 groups", i -> {
      String leaver = id(send("POST", "/Users", "", user("leaver" + i + "@example.com"), 201));
      for (String team : teams) {
        send("PATCH", "/Groups/" + team, "", patch("add", "members", "[{\"value\":\"" + leaver + "\"}]"), 204);
      }
      APIGatewayV2HTTPEvent event = event("DELETE", "/Users/" + leaver, "", null);
      return () -> scim.handleRequest(event, new TestLambdaContext()).getStatusCode();
    });
    operations.put("PATCH /Groups/{id} add member", handler("PATCH", "/Groups/" + group, "", i -> {
      if (i > 0) {
        send("PATCH", "/Groups/" + group, "", removeBob, 204);
      }
      return addBob;
    }));

    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    System.out.printf("%nWarm path: the SCIM handler on DynamoDB Local, %,d measured requests per row after %,d unmeasured%n",
        iterations, warmup);
    System.out.printf("java %s, %d CPUs, load average %.2f%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf("%-32s %10s %10s %10s %16s%n", "operation", "p50 (ms)", "p99 (ms)", "max (ms)", "KiB allocated");
    for (var operation : operations.entrySet()) {
      long[] nanos = new long[iterations];
      long allocated = 0;
      for (int i = 0; i < warmup + iterations; i++) {
        Prepared call = operation.getValue().prepare(i);
        Map<Long, Long> sideBefore = allocatedBySideThreads(threads);
        long bytesBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        int status = call.run();
        long elapsed = System.nanoTime() - start;
        long bytes = threads.getThreadAllocatedBytes(thread) - bytesBefore;
        for (var side : allocatedBySideThreads(threads).entrySet()) {
          bytes += side.getValue() - sideBefore.getOrDefault(side.getKey(), 0L);
        }
        if (status >= 300) {
          throw new IllegalStateException(operation.getKey() + " answered " + status);
        }
        if (i >= warmup) {
          nanos[i - warmup] = elapsed;
          allocated += bytes;
        }
      }
      Arrays.sort(nanos);
      System.out.printf("%-32s %10.2f %10.2f %10.2f %16.1f%n", operation.getKey(), nanos[iterations / 2] / 1e6,
          nanos[(int) Math.ceil(iterations * 0.99) - 1] / 1e6, nanos[iterations - 1] / 1e6,
          allocated / (double) iterations / 1024);
    }
  }

  /**
   * Bytes allocated so far by the threads a request hands its independent DynamoDB calls to, by
   * thread id: they count as the request's, as they would in one Lambda instance.
   */
  private static Map<Long, Long> allocatedBySideThreads(ThreadMXBean threads) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + 16];
    int n = root.enumerate(all, true);
    Map<Long, Long> allocated = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      String name = all[i].getName();
      if (name.startsWith("side-by-side") || name.startsWith("dynamodb-batch")) {
        allocated.put(all[i].getId(), threads.getThreadAllocatedBytes(all[i].getId()));
      }
    }
    return allocated;
  }

  /** One measured call, prepared (event built, setup done) outside the measurement. */
  private interface Prepared {
    int run();
  }

  private interface Operation {
    Prepared prepare(int iteration);
  }

  private Operation handler(String method, String path, String query, IntFunction<String> body) {
    return i -> {
      APIGatewayV2HTTPEvent event = event(method, path, query, body.apply(i));
      return () -> scim.handleRequest(event, new TestLambdaContext()).getStatusCode();
    };
  }

  private APIGatewayV2HTTPEvent event(String method, String path, String query, String body) {
    Map<String, List<String>> headers = body == null
        ? Map.of("authorization", List.of("Bearer " + bearer))
        : Map.of("authorization", List.of("Bearer " + bearer), "content-type", List.of("application/scim+json"));
    return HttpApiEvents.request(method, base + path, query, headers,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "/scim/v2/", "127.0.0.1");
  }

  private APIGatewayV2HTTPResponse send(String method, String path, String query, String body, int expected) {
    return check(scim.handleRequest(event(method, path, query, body), new TestLambdaContext()), expected);
  }

  private static APIGatewayV2HTTPResponse check(APIGatewayV2HTTPResponse response, int expected) {
    if (response.getStatusCode() != expected) {
      throw new IllegalStateException("expected " + expected + ", got " + response.getStatusCode() + " " + response.getBody());
    }
    return response;
  }

  private static String id(APIGatewayV2HTTPResponse response) {
    String body = response.getBody();
    int start = body.indexOf("\"id\":\"") + 6;
    return body.substring(start, body.indexOf('"', start));
  }

  private static String user(String userName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
        + "\",\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true}],\"active\":true}";
  }

  private static String patch(String op, String path, String value) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"" + op + "\",\"path\":\"" + path
        + "\",\"value\":" + value + "}]}";
  }
}
