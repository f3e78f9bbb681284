package dev.scimlambda.admin.api;

import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.AppUsers;
import dev.scimlambda.tags.TagRefreshJobStore;
import dev.scimlambda.workspace.Workspaces;
import dev.scimlambda.admin.AdminAuthenticator;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
public class AdminWiring {

  @Singleton
  AppUsers appUsers(Workspaces workspaces, AppUserStore store, TagRefreshJobStore jobs) {
    return new AppUsers(workspaces, store, jobs);
  }

  @Singleton
  AdminAuthenticator adminAuthenticator(SecretStore secrets, Settings settings) {
    return new AdminAuthenticator(secrets, settings.require(Setting.ADMIN_TOKEN_SECRET_ID));
  }
}
