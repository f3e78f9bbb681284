package dev.scimlambda.runtime;

import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.secrets.CachingSecretStore;
import dev.scimlambda.secrets.LazySecretStore;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.secrets.SecretsManagerSecretStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The secret store: Secrets Manager in AWS, a local file in the embedded stack, cached either way.
 * Micronaut's Lambda context builds every singleton at init, so the bean is a {@link LazySecretStore}:
 * the Secrets Manager client and the cache are built on the first request that needs a secret, never
 * during init, and dropped again before a SnapStart snapshot, which therefore holds neither.
 */
@Factory
public class SecretStoreWiring {

  /** How long the admin token is trusted without re-reading it; connection secrets are cached by version. */
  static final Duration CURRENT_VALUE_TTL = Duration.ofMinutes(5);

  @Singleton
  SecretStore secretStore(Settings settings, SdkHttpClient http) {
    String kind = settings.optional(Setting.SECRET_STORE).orElse("aws");
    if (!kind.equals("aws") && !kind.equals("local")) {
      throw new IllegalStateException(
          Setting.SECRET_STORE.environmentVariable() + " must be 'aws' or 'local', not '" + kind + "'");
    }
    return new LazySecretStore(() -> build(kind, settings, http));
  }

  private static CachingSecretStore build(String kind, Settings settings, SdkHttpClient http) {
    SecretStore store =
        switch (kind) {
          case "aws" -> new SecretsManagerSecretStore(SecretsManagerClient.builder().httpClient(http).build());
          case "local" -> new LocalFileSecretStore(Path.of(settings.require(Setting.LOCAL_SECRETS_FILE)));
          default -> throw new IllegalStateException(
              Setting.SECRET_STORE.environmentVariable() + " must be 'aws' or 'local', not '" + kind + "'");
        };
    return new CachingSecretStore(store, CURRENT_VALUE_TTL);
  }
}
