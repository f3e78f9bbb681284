package dev.scimlambda.admin.api;

import dev.scimlambda.access.AccessGroupsStore;
import dev.scimlambda.access.ConnectionAccess;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.mapping.ConnectionMappingStore;
import dev.scimlambda.mapping.ConnectionMappings;
import dev.scimlambda.mapping.CustomFieldStore;
import dev.scimlambda.mapping.CustomFields;
import dev.scimlambda.sessions.Sessions;
import java.time.Clock;
import java.time.Duration;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.deprovisioning.WorkspacePurge;
import dev.scimlambda.events.WebhookStore;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.DeliveryHistory;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.WebhookOutbox;
import dev.scimlambda.deprovisioning.WorkspacePurgeStore;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.deprovisioning.Deprovisioning;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.rules.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.AccountLinks;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.scim.users.Users;
import dev.scimlambda.appusers.AppUsers;
import dev.scimlambda.tags.TagOverview;
import dev.scimlambda.tags.TagOverview;
import dev.scimlambda.tags.TagRefreshJobStore;
import dev.scimlambda.workspace.Workspaces;
import dev.scimlambda.admin.AdminAuthenticator;
import dev.scimlambda.admin.AdminTokenVerifier;
import java.util.Optional;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import dev.scimlambda.audit.AuditTrail;
import dev.scimlambda.admin.SetupLinks;
import dev.scimlambda.persistence.DynamoSetupLinkStore;
import dev.scimlambda.persistence.DynamoAuditTrail;
import dev.scimlambda.persistence.TableAccess;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
public class AdminWiring {

  /** Time one admin call spends removing a connection's users: well inside API Gateway's 29 s. */
  static final Duration DEPROVISIONING_BUDGET = Duration.ofSeconds(15);
  static final int DEPROVISIONING_PAGE = 100;
  /** Items deleted per purge page: four batch writes. */
  static final int PURGE_PAGE = 100;

  @Singleton
  AuditTrail auditTrail(TableAccess table) {
    return new DynamoAuditTrail(table);
  }

  @Singleton
  SetupLinks setupLinks(TableAccess table, Clock clock) {
    return new SetupLinks(new DynamoSetupLinkStore(table), clock);
  }

  @Singleton
  ConnectionAccess connectionAccess(Connections connections, AccessGroupsStore store, GroupStore groups, Clock clock) {
    return new ConnectionAccess(connections, store,
        (connectionId, key) -> groups.findId(connectionId, GroupStore.LookupKey.DISPLAY_NAME, key).isPresent(), clock);
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

  /**
   * SCIM users are removed through the Users endpoint's own code, so a removal by the admin does
   * exactly what the IdP's DELETE would (memberships, identity link, access, seat).
   */
  @Singleton
  Deprovisioning deprovisioning(Workspaces workspaces, Connections connections, UserStore users, GroupStore groups,
      AppUserStore appUsers, AccountStore accountStore, Accounts accounts, SeatLedger seats,
      ConnectionWorkspaces connectionWorkspaces, Clock clock) {
    Users scimUsers = new Users(users, new SchemaDocumentRules(ScimSchemas.user()), clock,
        new Groups(groups, new SchemaDocumentRules(ScimSchemas.group()), clock),
        new AccountLinks(accounts, seats, connectionWorkspaces));
    return new Deprovisioning(workspaces, connections, users, scimUsers, appUsers, accountStore, accounts, clock,
        DEPROVISIONING_BUDGET, DEPROVISIONING_PAGE);
  }

  @Singleton
  WorkspacePurge workspacePurge(Workspaces workspaces, ConnectionStore connections, SecretStore secrets,
      SecretNames names, WebhookStore webhooks, WorkspacePurgeStore store, Clock clock) {
    return new WorkspacePurge(workspaces, connections, secrets, names, webhooks, store,
        clock, DEPROVISIONING_BUDGET, PURGE_PAGE);
  }

  /**
   * The operator token is optional (a deployment may sign in with JWTs only); the host product's
   * identity provider is configured by its issuer, audience and JWKS together.
   */
  @Singleton
  AdminAuthenticator adminAuthenticator(SecretStore secrets, Settings settings) {
    Optional<String> issuer = settings.optional(Setting.ADMIN_JWT_ISSUER);
    AdminTokenVerifier identityProvider = issuer.isEmpty()
        ? AdminTokenVerifier.NONE
        : new IdentityProviderTokens(issuer.get(), settings.require(Setting.ADMIN_JWT_AUDIENCE),
            settings.require(Setting.ADMIN_JWKS), settings.optional(Setting.ADMIN_WORKSPACES_CLAIM));
    return new AdminAuthenticator(secrets, settings.optional(Setting.ADMIN_TOKEN_SECRET_ID), identityProvider);
  }

  /**
   * Needs the {@link WebhookOutbox} the function's context provides (SQS in AWS, a directory in the
   * embedded stack): redelivery queues the event exactly as the stream does.
   */
  @Singleton
  DeliveryHistory deliveryHistory(DeliveryLog log, Webhooks webhooks, WebhookOutbox outbox, Clock clock) {
    return new DeliveryHistory(log, webhooks, outbox, clock);
  }
}
