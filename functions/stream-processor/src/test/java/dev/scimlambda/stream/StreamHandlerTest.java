package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.CircuitStore;
import dev.scimlambda.events.delivery.Delivery;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.DeliveryStatus;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.testing.WebhookReceiver;
import dev.scimlambda.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The stream handler, fed by the table's real stream on DynamoDB Local the way Lambda feeds it. */
class StreamHandlerTest {

  @TempDir Path dir;
  private TestStack stack;
  private Connections connections;
  private final SecretNames names = new SecretNames(TestStack.SECRET_PREFIX);

  @BeforeEach
  void start() {
    stack = TestStack.start();
    stack.context().getBean(Workspaces.class).ensureDefault();
    connections = stack.context().getBean(Connections.class);
  }

  @AfterEach
  void stop() {
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

  private boolean secretExists(IssuedConnection connection) {
    return new LocalFileSecretStore(stack.secretsFile()).current(names.connection(connection.connection().id())).isPresent();
  }

  private int items() {
    try (var dynamo = stack.database().client()) {
      return dynamo.scan(b -> b.tableName(stack.tableName()).consistentRead(true)
          .select(Select.COUNT)).count();
    }
  }

  @Test
  void snapStartPrimingWritesNothing() {
    connections.create("default", "Okta", "okta");
    int before = items();

    StreamHandler handler = new StreamHandler(stack.context());
    handler.beforeCheckpoint(null);
    handler.afterRestore(null);

    assertThat(items()).isEqualTo(before);
  }

  @Test
  void aDeletedConnectionsSecretIsRemovedFromTheSecretStore() {
    IssuedConnection connection = connections.create("default", "Okta", "okta");
    connections.delete("default", connection.connection().id());
    mapping().poll();
    assertThat(secretExists(connection)).isFalse();
  }

  @Test
  void anActiveConnectionsSecretIsKept() {
    IssuedConnection connection = connections.create("default", "Okta", "okta");
    connections.rotateSecret("default", connection.connection().id(), java.util.Optional.empty());
    mapping().poll();
    assertThat(secretExists(connection)).isTrue();
  }

  @Test
  void replayingTheStreamChangesNothingAndFailsNothing() {
    IssuedConnection deleted = connections.create("default", "Okta", "okta");
    IssuedConnection kept = connections.create("default", "Entra", "azure");
    connections.delete("default", deleted.connection().id());
    mapping().poll();
    mapping().poll();
    assertThat(secretExists(deleted)).isFalse();
    assertThat(secretExists(kept)).isTrue();
    assertThat(Files.exists(dir.resolve("failed.jsonl"))).isFalse();
  }

  /**
   * The delivery engine writes its log and circuits into the workspace partition; those writes
   * must not come back as derived work or events, or every delivery would beget another.
   */
  @Test
  void deliveryLogAndCircuitWritesDeriveNothingAndSendNoEvents() {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      stack.context().getBean(Webhooks.class).configure("default", receiver.url(), true)
          .signingSecret().ifPresent(receiver::useSecret);
      StreamEventSourceMapping mapping = mapping();
      mapping.poll();
      int itemsBefore = items();
      int eventsBefore = receiver.deliveries().size();

      DeliveryLog log = stack.context().getBean(DeliveryLog.class);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      OutboundEvent event = new OutboundEvent("default", "evt_stream_quiet", "user.created", now, "{}");
      Delivery pending = Delivery.pending(event, now);
      log.save(pending);
      log.save(new Delivery("default", pending.id(), event.eventId(), event.eventType(), now, now,
          DeliveryStatus.FAILED, 14, List.of(), Optional.empty(), "gave up", event.body()));
      CircuitStore circuits = stack.context().getBean(CircuitStore.class);
      circuits.recordFailure("default");
      circuits.open("default", now.plusSeconds(60), 1);
      circuits.close("default");
      // Two delivery saves, then the circuit's count, opening and removal.
      assertThat(mapping.poll()).isEqualTo(5);

      assertThat(items()).isEqualTo(itemsBefore + 1);
      assertThat(receiver.deliveries()).hasSize(eventsBefore);
      assertThat(Files.exists(dir.resolve("failed.jsonl"))).isFalse();
    }
  }
}
