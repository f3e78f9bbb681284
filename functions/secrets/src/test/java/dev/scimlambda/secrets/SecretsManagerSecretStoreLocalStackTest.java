package dev.scimlambda.secrets;

import dev.scimlambda.emulators.LocalStackEmulator;
import java.net.URI;
import java.util.Optional;

/** The Secrets Manager store against LocalStack in Docker; skipped, and says so, where there is no Docker. */
class SecretsManagerSecretStoreLocalStackTest extends SecretsManagerSecretStoreContract {

  @Override
  protected Optional<URI> endpoint() {
    return LocalStackEmulator.endpoint();
  }

  @Override
  protected String unavailableReason() {
    return LocalStackEmulator.UNAVAILABLE;
  }
}
