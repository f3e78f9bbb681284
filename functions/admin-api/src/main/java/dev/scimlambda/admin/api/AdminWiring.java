package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminAuthenticator;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
public class AdminWiring {

  @Singleton
  AdminAuthenticator adminAuthenticator(SecretStore secrets, Settings settings) {
    return new AdminAuthenticator(secrets, settings.require(Setting.ADMIN_TOKEN_SECRET_ID));
  }
}
