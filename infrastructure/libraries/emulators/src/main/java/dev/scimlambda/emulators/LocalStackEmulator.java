package dev.scimlambda.emulators;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker, started once per test JVM with DynamoDB and Secrets Manager, where Docker is
 * available. The image is pinned: 3.8.1 is the last tag that starts without
 * {@code LOCALSTACK_AUTH_TOKEN}; a token in the environment is passed on, so moving to a newer tag
 * only needs it set.
 */
public final class LocalStackEmulator {

  public static final String UNAVAILABLE = "Docker not available: LocalStack suite skipped";
  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");
  private static final int EDGE_PORT = 4566;
  private static LocalStackContainer container;

  private LocalStackEmulator() {}

  /**
   * Skips the calling test, with the reason, where Docker is absent. Call it per test, not in
   * {@code @BeforeAll}: Surefire reports a class aborted there as "Tests run: 0, Skipped: 0" and
   * drops the reason (SUREFIRE-2300), which reads as a pass.
   */
  public static void assumeAvailable() {
    Assumptions.assumeTrue(available(), UNAVAILABLE);
  }

  public static boolean available() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /** The running container, started on first use; empty where Docker is absent. */
  public static synchronized Optional<LocalStackContainer> container() {
    if (!available()) {
      return Optional.empty();
    }
    if (container == null) {
      LocalStackContainer started =
          new LocalStackContainer(IMAGE)
              .withServices(Service.DYNAMODB, Service.SECRETSMANAGER)
              // Docker publishes on every interface unless told otherwise; nothing of ours leaves loopback.
              .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                  .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(EDGE_PORT))));
      String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
      if (token != null && !token.isBlank()) {
        started.withEnv("LOCALSTACK_AUTH_TOKEN", token);
      }
      started.start();
      container = started;
    }
    return Optional.of(container);
  }

  public static Optional<URI> endpoint() {
    return container().map(LocalStackContainer::getEndpoint);
  }
}
