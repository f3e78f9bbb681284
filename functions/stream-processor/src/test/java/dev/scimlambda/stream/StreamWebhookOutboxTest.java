package dev.scimlambda.stream;

import dev.scimlambda.testing.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's side of webhooks, with no delivery worker running: the stream handler puts each
 * event of a workspace with a webhook in the outbox, whole, and calls no endpoint itself.
 */
class StreamWebhookOutboxTest {

  @TempDir Path dir;
  private TestStack stack;
  private WebhookReceiver receiver;
  private IssuedConnection connection;
  private StreamEventSourceMapping mapping;
  private DirectoryWebhookOutbox outbox;

  @BeforeEach
  void start() {
    stack = TestStack.start(Map.of(Setting.WEBHOOK_OUTBOX_DIRECTORY.property(), dir.resolve("outbox").toString()));
    stack.context().getBean(Workspaces.class).ensureDefault();
    outbox = stack.context().getBean(DirectoryWebhookOutbox.class);
    receiver = new WebhookReceiver();
    stack.context().getBean(Webhooks.class).configure("default", receiver.url(), true);
    connection = stack.context().getBean(Connections.class).create("default", "Okta", "okta");
    String arn;
    try (var dynamo = stack.database().client()) {
      arn = dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
    }
    mapping = new StreamEventSourceMapping(stack.database().streamsClient(), arn, new StreamHandler(stack.context()),
        TestLambdaContext::new, new StreamEventSourceMapping.Options(100, 2, Duration.ofMillis(50), null,
            dir.resolve("failed.jsonl")));
  }

  @AfterEach
  void stop() {
    receiver.close();
    stack.close();
  }

  @Test
  void aUsersEventWaitsInTheOutboxAndTheStreamCallsNoEndpoint() {
    ApiResult created = ApiCall.of("POST", "/scim/v2/" + connection.connection().id() + "/Users")
        .bearer(connection.bearerToken())
        .body("application/scim+json",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\"}")
        .invoke(new ScimApiHandler(stack.context()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    mapping.poll();

    assertThat(receiver.deliveries()).as("requests the stream sent to the webhook").isEmpty();
    assertThat(outbox.pending()).extracting(p -> p.event().workspaceId()).contains("default");
    assertThat(outbox.pending()).as("the full event, as it will be signed and sent")
        .anySatisfy(p -> assertThat(p.event().body()).contains("\"ada@example.com\""));
  }
}
