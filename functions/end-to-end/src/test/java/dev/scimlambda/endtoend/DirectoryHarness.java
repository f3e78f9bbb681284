package dev.scimlambda.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.admin.api.AdminApiHandler;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.stream.DirectoryWebhookOutbox;
import dev.scimlambda.stream.StreamHandler;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three functions on one table: SCIM requests through the SCIM handler, the table's stream
 * through the stream handler (as Lambda's event source mapping delivers it), reads through the admin
 * handler. {@link #converge()} delivers stream records until the derived state stops changing.
 * A test class holds one in a {@code @RegisterExtension} static field, which stops it after the class.
 */
final class DirectoryHarness implements AutoCloseable, AfterAllCallback {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  final TestStack stack;
  final ScimApiHandler scim;
  final AdminApiHandler admin;
  private final Path dir;
  private StreamEventSourceMapping mapping;
  /** Records the stream "loses": read and checkpointed like the others, never handed to the stream handler. */
  private volatile Predicate<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> lost =
      record -> false;

  DirectoryHarness(Map<String, Object> settings) {
    this(TestStack.start(settings));
  }

  private DirectoryHarness(TestStack stack) {
    this.stack = stack;
    scim = new ScimApiHandler(stack.context());
    admin = new AdminApiHandler(stack.context());
    stack.context().getBean(Workspaces.class).ensureDefault();
    try {
      dir = Files.createTempDirectory("stream");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mapping = newMapping();
  }

  /**
   * A harness whose stream hands directory events to a webhook outbox in a temporary directory,
   * where nothing delivers them: {@link #keptEvents} reads them as a receiver would get them.
   */
  static DirectoryHarness keepingEvents() {
    try {
      return new DirectoryHarness(Map.of(Setting.WEBHOOK_OUTBOX_DIRECTORY.property(),
          Files.createTempDirectory("webhook-outbox").toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives the workspace a webhook, so the stream keeps its events (see {@link #keepingEvents}). */
  void keepEventsOf(String workspaceId) {
    ApiResult set = admin("PUT", "/admin/v1/workspaces/" + workspaceId + "/webhook",
        "{\"url\":\"http://127.0.0.1:9/never-delivered\"}");
    if (set.status() != 200 && set.status() != 201) {
      throw new AssertionError("webhook not set: " + set);
    }
  }

  /** The workspace's directory events so far (CloudEvents bodies, in the order they were kept). */
  List<JsonNode> keptEvents(String workspaceId) {
    return stack.context().getBean(DirectoryWebhookOutbox.class).pending().stream()
        .sorted(Comparator.comparingLong(DirectoryWebhookOutbox.Pending::sequence))
        .map(DirectoryWebhookOutbox.Pending::event)
        .filter(event -> event.workspaceId().equals(workspaceId))
        .map(event -> parse(event.body()))
        .toList();
  }

  private static JsonNode parse(String json) {
    try {
      return ScimJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A harness on a DynamoDB Local of its own (see {@link TestStack#startIsolated}). */
  static DirectoryHarness isolated(Map<String, Object> settings) {
    return new DirectoryHarness(TestStack.startIsolated(settings));
  }

  /** A mapping without checkpoints reads the stream again from its start: a full replay. */
  StreamEventSourceMapping newMapping() {
    String arn;
    try (var dynamo = stack.database().client()) {
      arn = dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
    }
    var options = new StreamEventSourceMapping.Options(100, 2, Duration.ofMillis(20), null, failures());
    StreamHandler handler = new StreamHandler(stack.context());
    return new StreamEventSourceMapping(stack.database().streamsClient(), arn, (event, context) -> {
      event.setRecords(event.getRecords().stream().filter(lost.negate()).toList());
      return handler.handleRequest(event, context);
    }, TestLambdaContext::new, options);
  }

  /**
   * Delivers what is on the stream now except the records {@code lost} matches, as if they had
   * expired or gone to the on-failure destination unnoticed: derived state that never heard of them.
   */
  void convergeLosing(
      Predicate<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> lostRecords) {
    lost = lostRecords;
    try {
      converge();
    } finally {
      lost = record -> false;
    }
  }

  Path failures() {
    return dir.resolve("failed.jsonl");
  }

  /**
   * Delivers records until a poll reads none, so jobs that continue through their own writes run
   * to the end. A record that exhausted its retries fails the test.
   */
  int converge() {
    int rounds = convergeAllowingFailures();
    if (Files.exists(failures())) {
      throw new AssertionError("records went to the on-failure destination: " + read(failures()));
    }
    return rounds;
  }

  /** As {@link #converge()}, for tests that expect records on the on-failure destination. */
  int convergeAllowingFailures() {
    int rounds = 0;
    while (mapping.poll() > 0) {
      rounds++;
    }
    return rounds;
  }

  String failuresText() {
    return Files.exists(failures()) ? read(failures()) : "";
  }

  String streamArn() {
    try (var dynamo = stack.database().client()) {
      return dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
    }
  }

  /** Every record on the table's stream so far, in stream order, read without delivering them. */
  List<software.amazon.awssdk.services.dynamodb.model.Record> streamRecords() {
    List<software.amazon.awssdk.services.dynamodb.model.Record> records = new ArrayList<>();
    try (var streams = stack.database().streamsClient()) {
      String arn = streamArn();
      for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
            .shardIteratorType(software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
        while (iterator != null) {
          String current = iterator;
          var page = streams.getRecords(b -> b.shardIterator(current));
          if (page.records().isEmpty()) {
            break;
          }
          records.addAll(page.records());
          iterator = page.nextShardIterator();
        }
      }
    }
    return records;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void replayFromStart() {
    mapping = newMapping();
    converge();
  }

  IssuedConnection newConnection(String workspaceId) {
    return newConnection(workspaceId, "okta");
  }

  IssuedConnection newConnection(String workspaceId, String idpType) {
    return stack.context().getBean(Connections.class).create(workspaceId, idpType, idpType);
  }

  /** The app user as {@code GET .../users/{id}} shows it. */
  JsonNode appUser(String workspaceId, String appUserId) {
    ApiResult user = admin("GET", "/admin/v1/workspaces/" + workspaceId + "/users/" + appUserId);
    if (user.status() != 200) {
      throw new AssertionError("no app user: " + user);
    }
    return user.json();
  }

  ApiResult scim(IssuedConnection connection, String method, String path, String json) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken());
    if (json != null) {
      call.body("application/scim+json", json);
    }
    return call.invoke(scim);
  }

  String createUser(IssuedConnection connection, String userName) {
    return created(scim(connection, "POST", "/Users", userJson(userName)));
  }

  static String userJson(String userName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}";
  }

  String createUser(IssuedConnection connection, String userName, String displayName) {
    return created(scim(connection, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
        + "\"userName\":\"" + userName + "\",\"displayName\":\"" + displayName + "\"}"));
  }

  ApiResult admin(String method, String path, String json) {
    return ApiCall.of(method, path).bearer(TestStack.ADMIN_TOKEN).json(json).invoke(admin);
  }

  /** A workspace of its own, so counts and seats are not shared between tests. */
  String newWorkspace(Integer seatLimit) {
    ApiResult created = admin("POST", "/admin/v1/workspaces",
        "{\"name\":\"Acme\"" + (seatLimit == null ? "" : ",\"seatLimit\":" + seatLimit) + "}");
    if (created.status() != 201) {
      throw new AssertionError("workspace not created: " + created);
    }
    return created.json().get("id").asText();
  }

  /**
   * Creates {@code count} users through /Bulk, 100 creates a request, one request at a time: DynamoDB
   * Local serialises writes, so parallel requests only add contention. {@code user} gives the SCIM
   * JSON of the i-th user. Returns their ids in that order.
   */
  List<String> createUsersInBulk(IssuedConnection connection, int count, IntFunction<String> user) {
    List<String> ids = new ArrayList<>();
    for (int first = 0; first < count; first += 100) {
      String operations = IntStream.range(first, Math.min(count, first + 100))
          .mapToObj(i -> "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u" + i + "\",\"data\":"
              + user.apply(i) + "}")
          .collect(Collectors.joining(","));
      ApiResult result = scim(connection, "POST", "/Bulk",
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations + "]}");
      result.json().get("Operations").forEach(op -> {
        if (!"201".equals(op.get("status").asText())) {
          throw new AssertionError("bulk create failed: " + op);
        }
        String location = op.get("location").asText();
        ids.add(location.substring(location.lastIndexOf('/') + 1));
      });
    }
    return ids;
  }

  String createGroup(IssuedConnection connection, String displayName, List<String> memberIds) {
    String members = memberIds.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
    return created(scim(connection, "POST", "/Groups",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName
            + "\",\"members\":[" + members + "]}"));
  }

  ApiResult patchGroup(IssuedConnection connection, String groupId, String... operations) {
    ApiResult result = scim(connection, "PATCH", "/Groups/" + groupId,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}");
    if (result.status() != 200 && result.status() != 204) {
      throw new AssertionError("patch failed: " + result);
    }
    return result;
  }

  private static String created(ApiResult result) {
    if (result.status() != 201) {
      throw new AssertionError("create failed: " + result);
    }
    return result.json().get("id").asText();
  }

  ApiResult admin(String method, String path) {
    return ApiCall.of(method, path).bearer(TestStack.ADMIN_TOKEN).invoke(admin);
  }

  List<String> tagsOf(String workspaceId, String userId) {
    ApiResult user = admin("GET", "/admin/v1/workspaces/" + workspaceId + "/users/" + userId);
    if (user.status() != 200) {
      throw new AssertionError("no app user: " + user);
    }
    List<String> tags = new ArrayList<>();
    user.json().get("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** Every app user carrying the tag, following nextCursor with pages of {@code limit}. */
  List<String> usersWithTag(String workspaceId, String tag, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      String query = "tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8) + "&limit=" + limit
          + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = admin("GET", "/admin/v1/workspaces/" + workspaceId + "/users?" + query).json();
      page.get("users").forEach(u -> ids.add(u.get("id").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return ids;
  }

  /** The workspace's tags and their member counts, as {@code GET .../tags} lists them. */
  Map<String, Long> tagCounts(String workspaceId) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    admin("GET", "/admin/v1/workspaces/" + workspaceId + "/tags").json().get("tags")
        .forEach(t -> counts.put(t.get("tag").asText(), t.get("members").asLong()));
    return counts;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    stack.close();
  }
}
