package dev.scimlambda.secrets;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Secrets Manager store against moto. CI's {@code .ci/run} starts {@code moto_server} and exports
 * {@code MOTO_ENDPOINT}; elsewhere the test starts {@code moto_server} from {@code PATH} itself.
 */
class SecretsManagerSecretStoreMotoTest extends SecretsManagerSecretStoreContract {

  private static URI endpoint;
  private static MotoServer ownServer;

  @BeforeAll
  static void findOrStartMoto() throws Exception {
    String configured = System.getenv("MOTO_ENDPOINT");
    if (configured != null && !configured.isBlank()) {
      endpoint = URI.create(configured);
      return;
    }
    Optional<Path> executable = MotoServer.onPath();
    if (executable.isPresent()) {
      Path log = Files.createDirectories(Path.of("target")).resolve("moto_server.log");
      ownServer = MotoServer.start(executable.get(), log);
      endpoint = ownServer.endpoint();
    }
  }

  @AfterAll
  static void stopOwnMoto() {
    if (ownServer != null) {
      ownServer.close();
    }
  }

  @Override
  protected Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  @Override
  protected String unavailableReason() {
    return "Moto suite skipped: MOTO_ENDPOINT is unset and moto_server not found on PATH;"
        + " install moto[server] or set MOTO_ENDPOINT";
  }
}
