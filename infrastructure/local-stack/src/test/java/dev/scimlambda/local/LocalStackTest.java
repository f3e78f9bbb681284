package dev.scimlambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.scimlambda.events.WebhookSignature;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The embedded stack end to end, over real HTTP on loopback, as a user starts it. */
class LocalStackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  private LocalStack start(Optional<String> adminToken) {
    return LocalStack.start(new LocalStackConfig(0, dataDir, false, adminToken));
  }

  private HttpResponse<String> send(LocalStack stack, String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode createConnection(LocalStack stack) throws Exception {
    String body = "{\"name\":\"Okta\",\"type\":\"okta\"}";
    return JSON.readTree(send(stack, "POST", "/admin/v1/workspaces/default/connections", stack.adminToken(), body).body());
  }

  private static String scimPath(JsonNode connection, String endpoint) {
    return "/scim/v2/" + connection.get("id").asText() + endpoint;
  }

  @Test
  void aNewConnectionsSecretGetsTheServiceProviderConfigAndAWrongOneGets401() throws Exception {
    try (LocalStack stack = start(Optional.of("admin-secret"))) {
      JsonNode connection = createConnection(stack);
      assertThat(connection.get("scimBaseUrl").asText()).isEqualTo(stack.baseUrl() + "/scim/v2/" + connection.get("id").asText());
      var ok = send(stack, "GET", scimPath(connection, "/ServiceProviderConfig"), connection.get("bearerToken").asText(), null);
      var wrong = send(stack, "GET", scimPath(connection, "/ServiceProviderConfig"), "scim_wrong", null);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).contains("application/scim+json");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }
  }

  @Test
  void anIdpCanProvisionAndFindAUserOverHttp() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      JsonNode connection = createConnection(stack);
      String token = connection.get("bearerToken").asText();
      String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\","
          + "\"name\":{\"givenName\":\"Ada\"},\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\"}]}";
      var created = send(stack, "POST", scimPath(connection, "/Users"), token, user);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.headers().firstValue("Location")).isPresent();
      var found = send(stack, "GET", scimPath(connection, "/Users?filter=userName%20eq%20%22ADA@example.com%22"), token, null);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(found.body()).get("totalResults").asInt()).isEqualTo(1);
      String id = JSON.readTree(created.body()).get("id").asText();
      var deactivated = send(stack, "PATCH", scimPath(connection, "/Users/" + id), token,
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
      assertThat(JSON.readTree(deactivated.body()).get("active").asBoolean()).isFalse();
    }
  }

  @Test
  void aWorkspacesWebhookReceivesSignedEventsForRealUsers() throws Exception {
    List<String[]> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new String[] {
          exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
          exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
          exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try (LocalStack stack = start(Optional.empty())) {
      String hook = "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}";
      String secret = JSON.readTree(send(stack, "PUT", "/admin/v1/workspaces/default/webhook", stack.adminToken(), hook).body())
          .get("signingSecret").asText();
      JsonNode connection = createConnection(stack);
      String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\"}";
      send(stack, "POST", scimPath(connection, "/Users"), connection.get("bearerToken").asText(), user);
      stack.drainStream();
      // Delivered by the embedded delivery worker from the outbox, not by the stream.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      // The connection's own events (created, activated) come too; this test is about the user's.
      List<String[]> aboutUsers = received.stream().filter(d -> d[3].contains("\"type\":\"user.")).toList();
      assertThat(aboutUsers).singleElement().satisfies(delivery -> {
        long timestamp = Long.parseLong(delivery[1]);
        assertThat(delivery[2]).isEqualTo(WebhookSignature.header(List.of(secret), delivery[0], timestamp, delivery[3]));
        assertThat(JSON.readTree(delivery[3]).get("type").asText()).isEqualTo("user.created");
      });
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void theDefaultWorkspaceExistsOnFirstStart() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      assertThat(send(stack, "GET", "/admin/v1/workspaces/default", stack.adminToken(), null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theRequestSeenIsShownInTheConnectionDetails() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      JsonNode connection = createConnection(stack);
      send(stack, "GET", scimPath(connection, "/Schemas"), connection.get("bearerToken").asText(), null);
      String details = send(stack, "GET", "/admin/v1/workspaces/default/connections/" + connection.get("id").asText(),
          stack.adminToken(), null).body();
      assertThat(JSON.readTree(details).get("lastRequestAt").isNull()).isFalse();
    }
  }

  @Test
  void dataAndTheGeneratedAdminTokenSurviveARestart() throws Exception {
    JsonNode connection;
    String adminToken;
    try (LocalStack stack = start(Optional.empty())) {
      adminToken = stack.adminToken();
      connection = createConnection(stack);
    }
    try (LocalStack stack = start(Optional.empty())) {
      assertThat(stack.adminToken()).isEqualTo(adminToken);
      var spc = send(stack, "GET", scimPath(connection, "/ServiceProviderConfig"), connection.get("bearerToken").asText(), null);
      assertThat(spc.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAdminTokenFromTheEnvironmentReplacesTheKeptOne() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      assertThat(stack.adminToken()).startsWith("admin_");
    }
    try (LocalStack stack = start(Optional.of("chosen-token"))) {
      assertThat(send(stack, "GET", "/admin/v1/workspaces", "chosen-token", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aDeletedConnectionsSecretIsRemovedByTheStreamHandler() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      JsonNode connection = createConnection(stack);
      String id = connection.get("id").asText();
      send(stack, "DELETE", "/admin/v1/workspaces/default/connections/" + id, stack.adminToken(), null);
      stack.drainStream();
      Map<?, ?> secrets = JSON.readValue(Files.readString(dataDir.resolve("secrets.json")), Map.class);
      assertThat(secrets.keySet()).noneMatch(key -> key.toString().endsWith("/connections/" + id));
    }
  }

  @Test
  void aRecordTheStreamCannotApplyIsParkedWithItsImageInTheDataFolderAndTheStreamGoesOn() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      JsonNode connection = createConnection(stack);
      String connectionId = connection.get("id").asText();
      try (var dynamo = stack.database().client()) {
        dynamo.putItem(b -> b.tableName(LocalStack.TABLE_NAME).item(Map.of(
            "pk", AttributeValue.fromS("CONN#" + connectionId),
            "sk", AttributeValue.fromS("USER#poison"),
            "entity", AttributeValue.fromS("User"),
            "id", AttributeValue.fromS("poison"),
            "connectionId", AttributeValue.fromS(connectionId),
            "document", AttributeValue.fromS("{not json"))));
      }
      String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\"}";
      assertThat(send(stack, "POST", scimPath(connection, "/Users"), connection.get("bearerToken").asText(), user)
          .statusCode()).isEqualTo(201);

      stack.drainStream();

      List<String> parked = Files.readAllLines(stack.parkedRecordsFile());
      assertThat(parked).isNotEmpty().allSatisfy(line -> assertThat(line)
          .contains("\"sk\":{\"S\":\"USER#poison\"}").contains("\"document\":{\"S\":\"{not json\"}"));
      assertThat(dataDir.resolve("stream-failures.jsonl")).doesNotExist();
      var people = send(stack, "GET", "/admin/v1/workspaces/default/users", stack.adminToken(), null);
      assertThat(people.body()).contains("ada@example.com");
    }
  }

  @Test
  void aRedriveKeepsTheRecordsThatStillFailParked() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      JsonNode connection = createConnection(stack);
      String connectionId = connection.get("id").asText();
      try (var dynamo = stack.database().client()) {
        dynamo.putItem(b -> b.tableName(LocalStack.TABLE_NAME).item(Map.of(
            "pk", AttributeValue.fromS("CONN#" + connectionId),
            "sk", AttributeValue.fromS("USER#poison"),
            "entity", AttributeValue.fromS("User"),
            "id", AttributeValue.fromS("poison"),
            "connectionId", AttributeValue.fromS(connectionId),
            "document", AttributeValue.fromS("{not json"))));
      }
      stack.drainStream();
      List<String> parked = Files.readAllLines(stack.parkedRecordsFile());

      var report = stack.redrive();

      assertThat(report.applied()).isZero();
      assertThat(report.stillFailing()).isEqualTo(parked.size());
      assertThat(Files.readAllLines(stack.parkedRecordsFile())).isEqualTo(parked);
    }
  }

  @Test
  void inMemoryLeavesNothingInTheDataFolder() throws Exception {
    try (LocalStack stack = LocalStack.start(new LocalStackConfig(0, dataDir, true, Optional.empty()))) {
      createConnection(stack);
    }
    try (var files = Files.list(dataDir)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void anUnroutedPathIs404LikeApiGateway() throws Exception {
    try (LocalStack stack = start(Optional.empty())) {
      var response = send(stack, "GET", "/elsewhere", null, null);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }
  }

  @Test
  void configurationIsReadFromTheEnvironmentAndTheInMemoryFlag() {
    LocalStackConfig config =
        LocalStackConfig.from(Map.of("PORT", "9090", "SCIM_DATA_DIR", "/var/scim", "SCIM_ADMIN_TOKEN", "t"), List.of("--in-memory"));
    assertThat(config).isEqualTo(new LocalStackConfig(9090, Path.of("/var/scim"), true, Optional.of("t")));
  }

  @Test
  void defaultsArePort8080AndALocalDataFolder() {
    assertThat(LocalStackConfig.from(Map.of(), List.of()))
        .isEqualTo(new LocalStackConfig(8080, Path.of(".scim-local"), false, Optional.empty()));
  }
}
