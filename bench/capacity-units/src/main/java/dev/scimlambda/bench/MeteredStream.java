package dev.scimlambda.bench;

import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.stream.StreamHandler;
import dev.scimlambda.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.RuntimeBeanDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real {@link StreamHandler}, wired by Micronaut as in Lambda except that its DynamoDB client is
 * the metered one, fed the table's stream the way Lambda's event source mapping feeds it. What the
 * meter counts during {@link #drain()} is what the stream function spends on the records written
 * since the last drain.
 */
final class MeteredStream implements AutoCloseable {

  private final ApplicationContext context;
  private final StreamEventSourceMapping mapping;
  private final Path failures;

  MeteredStream(DynamoDbLocal local, DynamoDbClient metered, String tableName) {
    Path dir = temporaryDirectory();
    failures = dir.resolve("stream-failures.jsonl");
    context = ApplicationContext.builder()
        .properties(Map.of(
            Setting.TABLE_NAME.property(), tableName,
            Setting.DYNAMODB_ENDPOINT.property(), local.endpoint().toString(),
            Setting.SECRET_STORE.property(), "local",
            Setting.LOCAL_SECRETS_FILE.property(), dir.resolve("secrets.json").toString(),
            Setting.SECRET_PREFIX.property(), "scim-lambda/bench"))
        .build();
    // Replaces the client AwsClients would build, so every store the handler uses goes through the meter.
    context.registerBeanDefinition(
        RuntimeBeanDefinition.builder(DynamoDbClient.class, () -> metered).replaces(DynamoDbClient.class).build());
    context.start();
    String streamArn = metered.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
    mapping = new StreamEventSourceMapping(local.streamsClient(), streamArn, new StreamHandler(context),
        TestLambdaContext::new, new StreamEventSourceMapping.Options(100, 2, Duration.ofMillis(20), null, failures));
  }

  ApplicationContext context() {
    return context;
  }

  /**
   * Delivers records until a poll reads none, so tag refresh jobs, which continue through writes of
   * their own item, run to the end.
   */
  void drain() {
    while (mapping.poll() > 0) { }
    if (Files.exists(failures)) {
      throw new IllegalStateException("the stream handler gave up on records; the figures would be wrong");
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("capacity-units");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    mapping.close();
    context.close();
  }
}
