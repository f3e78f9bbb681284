package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The redrive function as Lambda invokes it, wired by Micronaut from its settings: a parked record
 * of a deleted connection whose secret cleanup had failed.
 */
class StreamRedriveHandlerTest {

  @TempDir Path dir;
  private TestStack stack;
  private Path parkedFile;
  private IssuedConnection deleted;

  /** A Lambda context with a given time left. */
  record Remaining(int millis) implements Context {
    @Override public String getAwsRequestId() { return "redrive-test"; }
    @Override public String getLogGroupName() { return "test"; }
    @Override public String getLogStreamName() { return "test"; }
    @Override public String getFunctionName() { return "stream-redrive"; }
    @Override public String getFunctionVersion() { return "1"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:stream-redrive"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return millis; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return null; }
  }

  @BeforeEach
  void start() throws Exception {
    parkedFile = dir.resolve("parked.jsonl");
    stack = TestStack.start(Map.of(Setting.STREAM_RECORD_FAILURES_FILE.property(), parkedFile.toString()));
    stack.context().getBean(Workspaces.class).ensureDefault();
    Connections connections = stack.context().getBean(Connections.class);
    deleted = connections.create("default", "Okta", "okta");
    connections.delete("default", deleted.connection().id());
    Map<String, AttributeValue> item;
    try (var dynamo = stack.database().client()) {
      item = dynamo.getItem(b -> b.tableName(stack.tableName()).consistentRead(true).key(Map.of(
          "pk", AttributeValue.fromS("CONN#" + deleted.connection().id()),
          "sk", AttributeValue.fromS("CONNECTION")))).item();
    }
    ChangeRecord change = new ChangeRecord("MODIFY", "4200", item, item, Instant.now());
    new FileParkedRecords(parkedFile).park(
        ParkedRecord.of(change, "ConnectionSecretCleanup", IllegalStateException.class.getName(), Instant.now()));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private boolean secretExists() {
    return new LocalFileSecretStore(stack.secretsFile())
        .current(new SecretNames(TestStack.SECRET_PREFIX).connection(deleted.connection().id())).isPresent();
  }

  @Test
  void anInvocationReappliesTheParkedRecordsAndReturnsWhatItDid() throws Exception {
    assertThat(secretExists()).isTrue();

    Map<String, Object> report = new StreamRedriveHandler(stack.context()).handleRequest(Map.of(), new Remaining(900_000));

    assertThat(report).containsEntry("applied", 1).containsEntry("stillFailing", 0)
        .containsEntry("byProjection", Map.of("ConnectionSecretCleanup", Map.of("applied", 1, "stillFailing", 0)));
    assertThat(secretExists()).isFalse();
    assertThat(Files.readString(parkedFile)).isBlank();
  }

  @Test
  void anInvocationWithoutTimeLeftForARecordLeavesItParked() throws Exception {
    Map<String, Object> report = new StreamRedriveHandler(stack.context())
        .handleRequest(Map.of(), new Remaining((int) StreamRedriveHandler.RESERVE_MILLIS - 1));

    assertThat(report).containsEntry("applied", 0);
    assertThat(secretExists()).isTrue();
    assertThat(Files.readString(parkedFile)).contains(deleted.connection().id());
  }
}
