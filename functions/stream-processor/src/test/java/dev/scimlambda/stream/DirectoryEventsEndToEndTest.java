package dev.scimlambda.stream;

import dev.scimlambda.testing.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.events.WebhookSignature;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCIM requests through the SCIM handler, the table's real stream on DynamoDB Local fed to the
 * stream handler as Lambda feeds it, the events through the webhook outbox (the embedded stack's
 * directory) and the delivery worker, and the workspace's webhook receiving signed events.
 */
class DirectoryEventsEndToEndTest {

  @TempDir Path dir;
  private TestStack stack;
  private ScimApiHandler scim;
  private WebhookReceiver receiver;
  private IssuedConnection connection;
  private StreamEventSourceMapping mapping;
  private DirectoryWebhookOutbox outbox;
  private LocalWebhookDelivery delivery;

  @BeforeEach
  void start() {
    // A short retry base: a refused event comes back within the test, not a minute later.
    stack = TestStack.start(Map.of(Setting.WEBHOOK_OUTBOX_DIRECTORY.property(), dir.resolve("outbox").toString(),
        Setting.WEBHOOK_RETRY_BASE.property(), "PT0.2S"));
    outbox = stack.context().getBean(DirectoryWebhookOutbox.class);
    delivery = new LocalWebhookDelivery(outbox, stack.context().getBean(WebhookDeliveries.class), Clock.systemUTC()).start();
    stack.context().getBean(Workspaces.class).ensureDefault();
    scim = new ScimApiHandler(stack.context());
    receiver = new WebhookReceiver();
    stack.context().getBean(Webhooks.class).configure("default", receiver.url(), true)
        .signingSecret().ifPresent(receiver::useSecret);
    connection = stack.context().getBean(Connections.class).create("default", "Okta", "okta");
    mapping = mapping();
  }

  @AfterEach
  void stop() {
    delivery.close();
    receiver.close();
    stack.close();
  }

  /** A fresh mapping without checkpoints reads the stream from its start, as after a replay. */
  private StreamEventSourceMapping mapping() {
    String arn;
    try (var dynamo = stack.database().client()) {
      arn = dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
    }
    var options = new StreamEventSourceMapping.Options(100, 2, Duration.ofMillis(50), null, dir.resolve("failed.jsonl"));
    return new StreamEventSourceMapping(
        stack.database().streamsClient(), arn, new StreamHandler(stack.context()), TestLambdaContext::new, options);
  }

  private ApiResult scim(String method, String path, String json) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken());
    if (json != null) {
      call.body("application/scim+json", json);
    }
    return call.invoke(scim);
  }

  private String createUser(String userName) {
    ApiResult created = scim("POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private String patchUser(String id, String op) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + op + "]}";
  }

  private List<WebhookReceiver.Delivery> deliveredAfterPoll() {
    poll(mapping);
    return directoryDeliveries();
  }

  /** Deliveries about users and groups: the connection's own lifecycle events left out. */
  private List<WebhookReceiver.Delivery> directoryDeliveries() {
    return receiver.deliveries().stream().filter(d -> !d.type().startsWith("connection.")).toList();
  }

  /** Delivers the stream, then waits until the outbox has nothing pending. */
  private void poll(StreamEventSourceMapping streamMapping) {
    streamMapping.poll();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!outbox.pending().isEmpty()) {
      assertThat(System.nanoTime()).as("the outbox drained in time").isLessThan(deadline);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private List<String> types() {
    return directoryDeliveries().stream().map(WebhookReceiver.Delivery::type).toList();
  }

  @Test
  void aUserCreatedThroughScimReachesTheWebhookAsUserCreated() {
    String id = createUser("ada@example.com");
    assertThat(deliveredAfterPoll()).singleElement().satisfies(d -> {
      assertThat(d.signatureValid()).isTrue();
      JsonNode event = d.json();
      assertThat(event.get("type").asText()).isEqualTo("user.created");
      assertThat(event.get("specversion").asText()).isEqualTo("1.0");
      assertThat(event.get("source").asText()).isEqualTo("scim-lambda.local");
      assertThat(event.get("subject").asText()).isEqualTo("users/" + event.get("data").get("user").get("id").asText());
      assertThat(event.get("workspaceid").asText()).isEqualTo("default");
      assertThat(event.get("connectionid").asText()).isEqualTo(connection.connection().id());
      assertThat(event.get("data").get("appUserId").asText()).isEqualTo(id);
      assertThat(event.get("data").get("user").get("userName").asText()).isEqualTo("ada@example.com");
      assertThat(d.headers().get(WebhookSignature.ID_HEADER)).isEqualTo(event.get("id").asText());
    });
  }

  @Test
  void aReplayedStreamEnqueuesTheSameEventIdWhichTheDeliveryLogKeepsFromBeingSentTwice() {
    createUser("ada@example.com");
    String first = deliveredAfterPoll().get(0).json().get("id").asText();
    poll(mapping());
    assertThat(directoryDeliveries()).singleElement().satisfies(d -> assertThat(d.json().get("id").asText()).isEqualTo(first));
  }

  @Test
  void deactivatingReactivatingAndChangingAUserAreTheirOwnEvents() {
    String id = createUser("ada@example.com");
    scim("PATCH", "/Users/" + id, patchUser(id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
    scim("PATCH", "/Users/" + id, patchUser(id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}"));
    scim("PATCH", "/Users/" + id, patchUser(id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}"));
    scim("DELETE", "/Users/" + id, null);
    poll(mapping);
    assertThat(types()).containsExactly("user.created", "user.deactivated", "user.reactivated", "user.updated", "user.deleted");
    JsonNode updated = directoryDeliveries().get(3).json().get("data");
    assertThat(updated.get("changedFields").toString()).isEqualTo("[\"title\"]");
  }

  @Test
  void groupsAndTheirMembersAreEvents() {
    String user = createUser("ada@example.com");
    ApiResult group = scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
        + "\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + user + "\"}]}");
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    String groupId = group.json().get("id").asText();
    scim("PATCH", "/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"R&D\"}]}");
    scim("DELETE", "/Groups/" + groupId, null);
    poll(mapping);
    assertThat(types()).containsExactly(
        "user.created", "group.created", "group.user_added", "group.updated", "group.deleted", "group.user_removed");
    JsonNode added = directoryDeliveries().get(2).json().get("data");
    assertThat(added.get("group").get("id").asText()).isEqualTo(groupId);
    assertThat(added.get("user").get("id").asText()).isEqualTo(user);
  }

  @Test
  void anEventTheWebhookRefusesHoldsBackNeitherTheStreamNorTheNextEventAndIsSentAgain() {
    scim("GET", "/ServiceProviderConfig", null);
    poll(mapping); // the connection's created and activated events first, so the 400 goes to a user's
    receiver.answer(400);
    createUser("ada@example.com");
    createUser("grace@example.com");
    poll(mapping);
    List<WebhookReceiver.Delivery> deliveries = directoryDeliveries();
    assertThat(deliveries)
        .extracting(d -> d.json().get("data").get("user").get("userName").asText() + " " + d.answeredWith())
        .containsExactly("ada@example.com 400", "grace@example.com 200", "ada@example.com 200");
    assertThat(deliveries.get(2).headers().get(WebhookSignature.ID_HEADER))
        .isEqualTo(deliveries.get(0).headers().get(WebhookSignature.ID_HEADER));
    assertThat(Files.exists(dir.resolve("failed.jsonl"))).isFalse();
  }

  @Test
  void aConnectionsLifecycleReachesTheWebhookWithoutItsSecret() {
    String id = connection.connection().id();
    scim("GET", "/ServiceProviderConfig", null);
    Connections connections = stack.context().getBean(Connections.class);
    IssuedConnection rotated = connections.rotateSecret("default", id, Optional.of(Duration.ofHours(1)));
    connections.delete("default", id);
    poll(mapping);

    List<WebhookReceiver.Delivery> lifecycle =
        receiver.deliveries().stream().filter(d -> d.type().startsWith("connection.")).toList();
    assertThat(lifecycle).extracting(WebhookReceiver.Delivery::type).containsExactly(
        "connection.created", "connection.activated", "connection.secret_rotated", "connection.deleted");
    assertThat(lifecycle).allSatisfy(d -> {
      assertThat(d.signatureValid()).isTrue();
      JsonNode event = d.json();
      assertThat(event.get("subject").asText()).isEqualTo("connections/" + id);
      assertThat(event.get("workspaceid").asText()).isEqualTo("default");
      assertThat(event.get("connectionid").asText()).isEqualTo(id);
      assertThat(event.get("data").get("connection").toString())
          .isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Okta\",\"type\":\"okta\"}");
      assertThat(d.body()).doesNotContain(connection.bearerToken()).doesNotContain(rotated.bearerToken());
    });
    assertThat(lifecycle.get(2).json().get("data").get("previousSecretValidUntil").asText())
        .isEqualTo(rotated.connection().previousSecretValidUntil().toString());
  }
}
