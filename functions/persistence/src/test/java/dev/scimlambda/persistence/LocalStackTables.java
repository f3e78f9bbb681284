package dev.scimlambda.persistence;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.scimlambda.table.TableDefinition;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tables on DynamoDB in LocalStack, for the store specifications where Docker is available. The
 * image is pinned: 3.8.1 is the last tag that starts without {@code LOCALSTACK_AUTH_TOKEN}; a token
 * in the environment is passed on, so a newer tag only needs it set.
 */
final class LocalStackTables {

  static final String UNAVAILABLE = "Docker not available: LocalStack suite skipped";
  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");
  private static LocalStackContainer container;

  private LocalStackTables() {}

  static boolean available() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static void assumeAvailable() {
    Assumptions.assumeTrue(available(), UNAVAILABLE);
  }

  /** A new table, or null without Docker (the test then skips in its assumption). */
  static synchronized TableAccess newTable() {
    if (!available()) {
      return null;
    }
    if (container == null) {
      container =
          new LocalStackContainer(IMAGE)
              .withServices(Service.DYNAMODB)
              .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                  .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(4566))));
      String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
      if (token != null && !token.isBlank()) {
        container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
      }
      container.start();
    }
    DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(container.getEndpoint())
            .region(Region.of(container.getRegion()))
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    String name = "scim-" + UUID.randomUUID();
    TableDefinition.load().createIfAbsent(dynamo, name);
    return new TableAccess(dynamo, name);
  }
}
