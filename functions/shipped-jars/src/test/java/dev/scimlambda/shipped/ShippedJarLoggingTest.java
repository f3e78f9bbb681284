package dev.scimlambda.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 14: the three function jars, exactly as {@code sam build} ships them, each in a fresh JVM
 * driven the way Lambda's Java runtime drives it, against DynamoDB Local and the local secret store.
 * Whatever they log reaches stdout as one JSON object per line carrying the request's ids, workspace,
 * connection, operation and outcome, and no secret sent to them appears in anything they print.
 */
class ShippedJarLoggingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_TOKEN = "admin-token-" + UUID.randomUUID();
  private static final String PREFIX = "scim-lambda/shipped";
  private static final Path FUNCTIONS = Path.of(System.getProperty("scim.functions.dir", "..")).toAbsolutePath().normalize();
  private static final Path TEMPLATE = Path.of(System.getProperty("scim.template", "../../template.yaml"));

  @TempDir static Path dir;
  private static DynamoDbLocal database;
  private static Map<String, String> environment;
  private static Path driverClasses;

  @BeforeAll
  static void start() throws IOException {
    database = DynamoDbLocal.inMemory();
    String table = "scim-" + UUID.randomUUID();
    try (DynamoDbClient dynamo = database.client()) {
      TableDefinition.load().createIfAbsent(dynamo, table);
    }
    Path secrets = dir.resolve("secrets.json");
    SecretNames names = new SecretNames(PREFIX);
    new LocalFileSecretStore(secrets).putVersion(names.adminToken(), UUID.randomUUID().toString(), ADMIN_TOKEN);
    environment = Map.ofEntries(
        Map.entry("SCIM_TABLE_NAME", table),
        Map.entry("SCIM_DYNAMODB_ENDPOINT", database.endpoint().toString()),
        Map.entry("SCIM_SECRET_STORE", "local"),
        Map.entry("SCIM_LOCAL_SECRETS_FILE", secrets.toString()),
        Map.entry("SCIM_SECRET_PREFIX", PREFIX),
        Map.entry("SCIM_ADMIN_TOKEN_SECRET_ID", names.adminToken()),
        Map.entry("SCIM_PUBLIC_BASE_URL", "https://scim.example.test"),
        Map.entry("SCIM_EVENT_BUS_NAME", ""),
        // As deployed: the stream enqueues webhook events there, the admin API redelivers there.
        Map.entry("SCIM_WEBHOOK_OUTBOX_QUEUE_URL", "http://127.0.0.1:1/000000000000/outbox"),
        Map.entry("AWS_REGION", "us-east-1"));
    driverClasses = compileDriver();
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void eachShippedJarHasExactlyOneSlf4jProvider() throws IOException {
    for (String module : List.of("scim-api", "admin-api", "stream-processor")) {
      try (JarFile jar = new JarFile(jar(module).toFile())) {
        var entry = jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        assertThat(entry).as(module + " declares an SLF4J provider").isNotNull();
        List<String> providers = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(providers).as(module).containsExactly("org.apache.logging.slf4j.SLF4JServiceProvider");
      }
    }
  }

  @Test
  void adminApiLogsEachRequestAsJsonWithItsIdsAndOutcomeAndNeverTheToken() {
    String wrongToken = "wrong-admin-" + UUID.randomUUID();
    Run run = runApi("AdminApiFunction", List.of(
        invocation("lambda-admin-1", "api-admin-1", "GET", "/admin/v1/workspaces/ws-x/connections", wrongToken, null)));

    assertThat(status(run.responses.get(0))).isEqualTo(401);
    JsonNode completed = run.completion("lambda-admin-1");
    assertThat(completed.path("level").asText()).isEqualTo("INFO");
    assertThat(completed.path("apiRequestId").asText()).isEqualTo("api-admin-1");
    assertThat(completed.path("workspaceId").asText()).isEqualTo("ws-x");
    assertThat(completed.path("operation").asText()).isEqualTo("GET /admin/v1/workspaces/{workspaceId}/connections");
    assertThat(completed.path("status").asText()).isEqualTo("401");
    assertThat(completed.has("latencyMs")).isTrue();
    run.assertNothingPrinted(wrongToken, ADMIN_TOKEN);
  }

  @Test
  void scimApiLogsRejectedAndFailedRequestsWithWorkspaceConnectionOperationAndNeverTheSecret() {
    // A workspace and a connection, made through the shipped admin jar; its answers carry the secret.
    Run admin = runApi("AdminApiFunction", List.of(
        invocation("lambda-setup-1", "api-setup-1", "POST", "/admin/v1/workspaces", ADMIN_TOKEN, "{\"id\":\"ws-logs\",\"name\":\"Logs\"}"),
        invocation("lambda-setup-2", "api-setup-2", "POST", "/admin/v1/workspaces/ws-logs/connections", ADMIN_TOKEN,
            "{\"name\":\"Okta\",\"type\":\"okta\"}")));
    assertThat(admin.responses).as(admin.stdout).allSatisfy(response -> assertThat(status(response)).isEqualTo(201));
    JsonNode connection = body(admin.responses.get(1));
    String connectionId = connection.path("id").asText();
    String secret = connection.path("bearerToken").asText();
    assertThat(secret).isNotBlank();
    admin.assertNothingPrinted(ADMIN_TOKEN, secret);
    assertThat(admin.completion("lambda-setup-2").path("workspaceId").asText()).isEqualTo("ws-logs");

    String wrongSecret = "wrong-secret-" + UUID.randomUUID();
    Run scim = runApi("ScimApiFunction", List.of(
        invocation("lambda-scim-1", "api-scim-1", "GET", "/scim/v2/" + connectionId + "/Users", wrongSecret, null),
        invocation("lambda-scim-2", "api-scim-2", "GET", "/scim/v2/" + connectionId + "/Users/no-such-user", secret, null),
        invocation("lambda-scim-3", "api-scim-3", "POST", "/scim/v2/" + connectionId + "/Users", secret,
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"\"}")));

    assertThat(run(scim, 0)).isEqualTo(401);
    JsonNode rejected = scim.completion("lambda-scim-1");
    assertThat(rejected.path("apiRequestId").asText()).isEqualTo("api-scim-1");
    assertThat(rejected.path("connectionId").asText()).isEqualTo(connectionId);
    assertThat(rejected.has("workspaceId")).as("no workspace before the secret matched").isFalse();
    assertThat(rejected.path("operation").asText()).isEqualTo("list Users");
    assertThat(rejected.path("status").asText()).isEqualTo("401");

    assertThat(run(scim, 1)).isEqualTo(404);
    JsonNode missing = scim.completion("lambda-scim-2");
    assertThat(missing.path("apiRequestId").asText()).isEqualTo("api-scim-2");
    assertThat(missing.path("workspaceId").asText()).isEqualTo("ws-logs");
    assertThat(missing.path("connectionId").asText()).isEqualTo(connectionId);
    assertThat(missing.path("operation").asText()).isEqualTo("get User");
    assertThat(missing.path("status").asText()).isEqualTo("404");

    assertThat(run(scim, 2)).isEqualTo(400);
    assertThat(scim.completion("lambda-scim-3").path("operation").asText()).isEqualTo("create User");
    scim.assertNothingPrinted(wrongSecret, secret, ADMIN_TOKEN);
  }

  @Test
  void aServerErrorIsLoggedAsAWarningWithItsExceptionAfterAnUnexpectedErrorLine() {
    // A table that does not exist: the connection lookup behind authentication fails.
    String secret = "secret-" + UUID.randomUUID();
    Run scim = run("ScimApiFunction", "api", Map.of("SCIM_TABLE_NAME", "no-such-table"), List.of(
        invocation("lambda-5xx-1", "api-5xx-1", "GET", "/scim/v2/c-1/Users", secret, null)));

    assertThat(run(scim, 0)).isEqualTo(500);
    JsonNode completed = scim.completion("lambda-5xx-1");
    assertThat(completed.path("level").asText()).isEqualTo("WARN");
    assertThat(completed.path("status").asText()).isEqualTo("500");
    assertThat(completed.path("exception").path("class").asText()).endsWith("ResourceNotFoundException");
    assertThat(completed.path("exception").path("stack").asText()).contains("\tat ");
    assertThat(scim.lines).anySatisfy(line -> {
      // Micronaut's own line for an unexpected exception, or the error model's for an AWS error it
      // took off Micronaut's path (ProblemHandlers): either way one ERROR line with the ids.
      assertThat(line.path("level").asText()).isEqualTo("ERROR");
      assertThat(line.path("message").asText()).startsWith("Unexpected error occurred");
      assertThat(line.path("requestId").asText()).isEqualTo("lambda-5xx-1");
      assertThat(line.path("apiRequestId").asText()).isEqualTo("api-5xx-1");
    });
    scim.assertNothingPrinted(secret);
  }

  @Test
  void streamProcessorLogsAFailedRecordWithItsInvocationConnectionAndSequence() {
    // A SCIM user item whose connection does not exist: its app user cannot be refreshed.
    String record = """
        {"eventID":"1","eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{
          "Keys":{"pk":{"S":"CONN#conn-gone"},"sk":{"S":"USER#u-1"}},
          "NewImage":{"pk":{"S":"CONN#conn-gone"},"sk":{"S":"USER#u-1"},"entity":{"S":"User"},
            "id":{"S":"u-1"},"connectionId":{"S":"conn-gone"}},
          "SequenceNumber":"4200000000000000001","StreamViewType":"NEW_AND_OLD_IMAGES"}}""";
    ObjectNode event = JSON.createObjectNode();
    event.putArray("Records").add(parse(record));
    Run run = run("StreamFunction", "stream", Map.of(), List.of(JSON.createObjectNode().put("requestId", "lambda-stream-1").set("event", event)));

    assertThat(run.responses.get(0).path("batchItemFailures").get(0).path("itemIdentifier").asText())
        .isEqualTo("4200000000000000001");
    JsonNode failed = run.lines.stream()
        .filter(l -> l.path("message").asText().contains("failed at sequence 4200000000000000001"))
        .findFirst().orElseThrow(() -> new AssertionError("no failed-record line in " + run.stdout));
    assertThat(failed.path("level").asText()).isEqualTo("WARN");
    assertThat(failed.path("requestId").asText()).isEqualTo("lambda-stream-1");
    assertThat(failed.path("connectionId").asText()).isEqualTo("conn-gone");
    assertThat(failed.path("sequenceNumber").asText()).isEqualTo("4200000000000000001");
  }

  @Test
  void webhookDeliveryLogsAMessageItCannotHandleWithItsInvocationAndReportsItFailed() {
    // Not an outbox event, and a dead-letter queue nobody listens at: it stays in the outbox.
    String record = """
        {"messageId":"msg-1","receiptHandle":"rh-1","body":"not an event","eventSource":"aws:sqs",
         "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:outbox"}""";
    ObjectNode event = JSON.createObjectNode();
    event.putArray("Records").add(parse(record));
    Run run = run("WebhookDeliveryFunction", "sqs", Map.of(
        "SCIM_WEBHOOK_OUTBOX_QUEUE_URL", "http://127.0.0.1:1/000000000000/outbox",
        "SCIM_WEBHOOK_DEAD_LETTER_QUEUE_URL", "http://127.0.0.1:1/000000000000/outbox-dlq",
        "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:1",
        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"),
        List.of(JSON.createObjectNode().put("requestId", "lambda-delivery-1").set("event", event)));

    assertThat(run.responses.get(0).path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("msg-1");
    assertThat(run.lines).anySatisfy(line -> {
      assertThat(line.path("level").asText()).isEqualTo("ERROR");
      assertThat(line.path("message").asText()).contains("msg-1").contains("dead-letter queue");
      assertThat(line.path("requestId").asText()).isEqualTo("lambda-delivery-1");
    });
  }

  // --- running a jar as Lambda does

  private record Run(String stdout, String stderr, List<JsonNode> lines, List<JsonNode> responses) {

    /** The request's completion line, which must name its Lambda request id. */
    JsonNode completion(String lambdaRequestId) {
      return lines.stream()
          .filter(l -> l.path("message").asText().startsWith("request completed"))
          .filter(l -> l.path("requestId").asText().equals(lambdaRequestId))
          .findFirst().orElseThrow(() -> new AssertionError("no completion line for " + lambdaRequestId + " in\n" + stdout));
    }

    void assertNothingPrinted(String... secrets) {
      for (String secret : secrets) {
        assertThat(stdout).doesNotContain(secret);
        assertThat(stderr).doesNotContain(secret);
      }
    }
  }

  private static int run(Run run, int index) {
    return status(run.responses.get(index));
  }

  private Run runApi(String function, List<JsonNode> invocations) {
    return run(function, "api", Map.of(), invocations);
  }

  private static Run run(String function, String kind, Map<String, String> overrides, List<JsonNode> invocations) {
    try {
      Path events = Files.createTempFile(dir, function, ".jsonl");
      Path responses = Files.createTempFile(dir, function, ".responses");
      List<String> eventLines = new ArrayList<>();
      for (JsonNode invocation : invocations) {
        eventLines.add(JSON.writeValueAsString(invocation));
      }
      Files.write(events, eventLines);
      String module = switch (function) {
        case "ScimApiFunction" -> "scim-api";
        case "AdminApiFunction" -> "admin-api";
        default -> "stream-processor";
      };
      Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder = new ProcessBuilder(javaBin.toString(),
          "-cp", jar(module) + java.io.File.pathSeparator + driverClasses,
          "LambdaDriver", handler(function), kind, events.toString(), responses.toString());
      builder.environment().putAll(environment);
      builder.environment().putAll(overrides);
      Path out = dir.resolve(function + "-" + UUID.randomUUID() + ".out");
      Path err = dir.resolve(function + "-" + UUID.randomUUID() + ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(function + " finished").isTrue();
      String stdout = Files.readString(out);
      String stderr = Files.readString(err);
      assertThat(process.exitValue()).as(function + " exit; stderr:\n" + stderr + "\nstdout:\n" + stdout).isZero();
      List<JsonNode> lines = new ArrayList<>();
      for (String line : stdout.lines().filter(l -> !l.isBlank()).toList()) {
        JsonNode parsed;
        try {
          parsed = JSON.readTree(line);
        } catch (IOException e) {
          throw new AssertionError(function + " printed a line that is not JSON: " + line);
        }
        assertThat(parsed.isObject()).as("a JSON object: " + line).isTrue();
        assertThat(parsed.path("timestamp").asText()).as("timestamp of " + line).isNotEmpty();
        assertThat(parsed.path("level").asText()).as("level of " + line).isNotEmpty();
        assertThat(parsed.path("logger").asText()).as("logger of " + line).isNotEmpty();
        assertThat(parsed.has("message")).as("message of " + line).isTrue();
        lines.add(parsed);
      }
      assertThat(stderr.lines().filter(l -> !l.isBlank()).toList()).as(function + " stderr").isEmpty();
      List<JsonNode> answers = new ArrayList<>();
      for (String line : Files.readAllLines(responses)) {
        answers.add(JSON.readTree(line));
      }
      assertThat(answers).hasSize(invocations.size());
      return new Run(stdout, stderr, lines, answers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** An HTTP API (payload 2.0) event as API Gateway sends it. */
  private static JsonNode invocation(String lambdaRequestId, String apiRequestId, String method, String path,
      String bearer, String body) {
    ObjectNode event = JSON.createObjectNode()
        .put("version", "2.0")
        .put("routeKey", "$default")
        .put("rawPath", path)
        .put("rawQueryString", "")
        .put("isBase64Encoded", false);
    ObjectNode headers = event.putObject("headers")
        .put("authorization", "Bearer " + bearer)
        .put("user-agent", "shipped-jar-test")
        .put("accept", path.startsWith("/scim/") ? "application/scim+json" : "application/json");
    if (body != null) {
      headers.put("content-type", path.startsWith("/scim/") ? "application/scim+json" : "application/json");
      event.put("body", body);
    }
    ObjectNode context = event.putObject("requestContext")
        .put("requestId", apiRequestId)
        .put("routeKey", "$default")
        .put("stage", "$default");
    context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
        .put("sourceIp", "192.0.2.10").put("userAgent", "shipped-jar-test");
    return JSON.createObjectNode().put("requestId", lambdaRequestId).set("event", event);
  }

  private static int status(JsonNode response) {
    return response.path("statusCode").asInt();
  }

  private static JsonNode body(JsonNode response) {
    return parse(response.path("body").asText());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar the Makefile hands to {@code sam build}; missing is a failure, never a skip. */
  private static Path jar(String module) {
    Path jar = FUNCTIONS.resolve(module).resolve("target").resolve("function.jar");
    assertThat(jar).as("built by the reactor before this module").isRegularFile();
    return jar;
  }

  /** The handler class template.yaml names for {@code function}. */
  private static String handler(String function) throws IOException {
    String template = Files.readString(TEMPLATE);
    Matcher m = Pattern.compile("(?m)^  " + function + ":\\n(?:(?!^  \\S).*\\n)*?      Handler: (\\S+)").matcher(template);
    assertThat(m.find()).as(function + " in " + TEMPLATE).isTrue();
    return m.group(1);
  }

  private static Path compileDriver() throws IOException {
    Path source = dir.resolve("driver").resolve("LambdaDriver.java");
    Files.createDirectories(source.getParent());
    try (var in = ShippedJarLoggingTest.class.getResourceAsStream("/driver/LambdaDriver.java")) {
      Files.write(source, in.readAllBytes());
    }
    Path classes = dir.resolve("driver-classes");
    Files.createDirectories(classes);
    int result = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), "-cp", jar("scim-api").toString(), source.toString());
    assertThat(result).as("driver compiled").isZero();
    return classes;
  }
}
