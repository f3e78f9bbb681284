package dev.scimlambda.secrets;

import dev.scimlambda.emulators.MotoServer;
import java.net.URI;
import java.util.Optional;

/**
 * The Secrets Manager store against moto. CI's {@code .ci/run} starts {@code moto_server} and exports
 * {@code MOTO_ENDPOINT}; elsewhere {@link MotoServer} starts {@code moto_server} from {@code PATH}.
 */
class SecretsManagerSecretStoreMotoTest extends SecretsManagerSecretStoreContract {

  @Override
  protected Optional<URI> endpoint() {
    return MotoServer.endpoint();
  }

  @Override
  protected String unavailableReason() {
    return MotoServer.UNAVAILABLE;
  }
}
