package dev.scimlambda.admin.api;

import dev.scimlambda.access.AccessGroupsStore;
import dev.scimlambda.access.ConnectionAccess;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.SeatLedger;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.mapping.ConnectionMappingStore;
import dev.scimlambda.mapping.ConnectionMappings;
import dev.scimlambda.mapping.CustomFieldStore;
import dev.scimlambda.mapping.CustomFields;
import dev.scimlambda.sessions.Sessions;
import java.time.Clock;
import dev.scimlambda.appusers.AppUsers;
import dev.scimlambda.tags.TagOverview;
import dev.scimlambda.tags.TagOverview;
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
  ConnectionAccess connectionAccess(Connections connections, AccessGroupsStore store, GroupStore groups, Clock clock) {
    return new ConnectionAccess(connections, store, groups, clock);
  }

  @Singleton
  AppUsers appUsers(Workspaces workspaces, AppUserStore store, Accounts accounts, AccountStore accountStore,
      SeatLedger seats) {
    return new AppUsers(workspaces, store, accounts, accountStore, seats);
  }

  @Singleton
  Sessions sessions(Workspaces workspaces, AccountStore accounts, Clock clock) {
    return new Sessions(workspaces, accounts, clock);
  }

  @Singleton
  TagOverview tagOverview(Workspaces workspaces, AppUserStore store, TagRefreshJobStore jobs) {
    return new TagOverview(workspaces, store, jobs);
  }

  @Singleton
  CustomFields customFields(Workspaces workspaces, CustomFieldStore store, ConnectionStore connections,
      ConnectionMappingStore mappings, Clock clock) {
    return new CustomFields(workspaces, store, connections, mappings, clock);
  }

  @Singleton
  ConnectionMappings connectionMappings(Connections connections, ConnectionMappingStore store, CustomFieldStore fields,
      TagRefreshJobStore jobs, Clock clock) {
    return new ConnectionMappings(connections, store, fields, jobs, clock);
  }

  @Singleton
  AdminAuthenticator adminAuthenticator(SecretStore secrets, Settings settings) {
    return new AdminAuthenticator(secrets, settings.require(Setting.ADMIN_TOKEN_SECRET_ID));
  }
}
