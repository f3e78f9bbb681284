package dev.scimlambda.runtime;

import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.secrets.CachingSecretStore;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.secrets.SecretsManagerSecretStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The secret store: Secrets Manager in AWS, a local file in the embedded stack, cached either way.
 * The bean is created on the first request that needs it, never during init, so a SnapStart
 * snapshot holds no secret.
 */
@Factory
public class SecretStoreWiring {

  /** How long the admin token is trusted without re-reading it; connection secrets are cached by version. */
  static final Duration CURRENT_VALUE_TTL = Duration.ofMinutes(5);

  @Singleton
  SecretStore secretStore(Settings settings, BeanProvider<SecretsManagerClient> secretsManager) {
    String kind = settings.optional(Setting.SECRET_STORE).orElse("aws");
    SecretStore store =
        switch (kind) {
          case "aws" -> new SecretsManagerSecretStore(secretsManager.get());
          case "local" -> new LocalFileSecretStore(Path.of(settings.require(Setting.LOCAL_SECRETS_FILE)));
          default -> throw new IllegalStateException(
              Setting.SECRET_STORE.environmentVariable() + " must be 'aws' or 'local', not '" + kind + "'");
        };
    return new CachingSecretStore(store, CURRENT_VALUE_TTL);
  }
}
