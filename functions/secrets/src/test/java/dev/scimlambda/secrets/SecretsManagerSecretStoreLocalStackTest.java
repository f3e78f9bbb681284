package dev.scimlambda.secrets;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

/** The Secrets Manager store against LocalStack in Docker; skipped, and says so, where there is no Docker. */
class SecretsManagerSecretStoreLocalStackTest extends SecretsManagerSecretStoreContract {

  /**
   * Pinned: 3.8.1 is the last image that starts without {@code LOCALSTACK_AUTH_TOKEN}; newer tags
   * want one. If the environment has a token it is passed on, so bumping the tag only needs the
   * token set in CI.
   */
  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");

  private static final int EDGE_PORT = 4566;
  private static LocalStackContainer localStack;

  @BeforeAll
  static void startLocalStack() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return;
    }
    localStack =
        new LocalStackContainer(IMAGE)
            .withServices(Service.SECRETSMANAGER)
            // Docker publishes on every interface unless told otherwise; nothing of ours leaves loopback.
            .withCreateContainerCmdModifier(
                cmd ->
                    cmd.getHostConfig()
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(EDGE_PORT))));
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      localStack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
    localStack.start();
  }

  @AfterAll
  static void stopLocalStack() {
    if (localStack != null) {
      localStack.stop();
    }
  }

  @Override
  protected Optional<URI> endpoint() {
    return Optional.ofNullable(localStack).map(LocalStackContainer::getEndpoint);
  }

  @Override
  protected String unavailableReason() {
    return "Docker not available: LocalStack suite skipped";
  }
}
