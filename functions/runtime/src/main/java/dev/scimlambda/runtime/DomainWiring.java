package dev.scimlambda.runtime;

import dev.scimlambda.access.AccessGroupsStore;
import dev.scimlambda.appusers.GroupAccess;
import dev.scimlambda.mapping.ProfileMappings;
import dev.scimlambda.persistence.DynamoReconciliationProgressStore;
import dev.scimlambda.reconciliation.ReconciliationProgressStore;
import dev.scimlambda.reconciliation.ScheduledReconciliation;
import dev.scimlambda.reconciliation.WorkspaceReconciler;
import dev.scimlambda.tags.AppUserRefresh;
import dev.scimlambda.activity.ActivityLog;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.ConnectionAuthenticator;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.events.WebhookStore;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.mapping.ConnectionMappingStore;
import dev.scimlambda.mapping.CustomFieldStore;
import dev.scimlambda.observability.OperationalMetrics;
import dev.scimlambda.persistence.DynamoAccessGroupsStore;
import dev.scimlambda.persistence.DynamoAccountStore;
import dev.scimlambda.persistence.DynamoActivityStore;
import dev.scimlambda.persistence.DynamoAppUserStore;
import dev.scimlambda.persistence.DynamoConnectionMappingStore;
import dev.scimlambda.persistence.DynamoConnectionStore;
import dev.scimlambda.persistence.DynamoCustomFieldStore;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoPageCursorStore;
import dev.scimlambda.persistence.DynamoTagRefreshJobStore;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.persistence.DynamoWebhookStore;
import dev.scimlambda.persistence.DynamoWorkspaceStore;
import dev.scimlambda.persistence.DynamoWorkspacePurgeStore;
import dev.scimlambda.deprovisioning.WorkspacePurgeStore;
import dev.scimlambda.persistence.TableAccess;
import io.micronaut.core.annotation.Nullable;
import dev.scimlambda.audit.AuditedRequest;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.tags.TagRefreshJobStore;
import dev.scimlambda.workspace.WorkspaceStore;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the plain-Java domain services and their stores, so the domain itself never sees Micronaut. */
@Factory
public class DomainWiring {

  static final Duration DEFAULT_ROTATION_GRACE = Duration.ofHours(24);
  static final int DEFAULT_ACTIVITY_RETENTION_DAYS = 30;
  /** DynamoDB TTL and the admin's view both stay meaningful up to ten years. */
  static final int MAX_ACTIVITY_RETENTION_DAYS = 3650;

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  TableAccess table(DynamoDbClient dynamo, Settings settings, @Nullable AuditedRequest audit) {
    // Only the admin function has an audited request; its stores write the entry with the change.
    return new TableAccess(dynamo, settings.require(Setting.TABLE_NAME), audit == null ? AuditedRequest.NONE : audit);
  }

  @Singleton
  WorkspacePurgeStore workspacePurgeStore(TableAccess table) {
    return new DynamoWorkspacePurgeStore(table);
  }

  @Singleton
  WorkspaceStore workspaceStore(TableAccess table) {
    return new DynamoWorkspaceStore(table);
  }

  @Singleton
  ConnectionStore connectionStore(TableAccess table) {
    return new DynamoConnectionStore(table);
  }

  @Singleton
  GroupStore groupStore(TableAccess table) {
    return new DynamoGroupStore(table);
  }

  @Singleton
  UserStore userStore(TableAccess table) {
    return new DynamoUserStore(table);
  }

  @Singleton
  AppUserStore appUserStore(TableAccess table) {
    return new DynamoAppUserStore(table);
  }

  @Singleton
  AccountStore accountStore(TableAccess table) {
    return new DynamoAccountStore(table);
  }

  @Singleton
  AccessGroupsStore accessGroupsStore(TableAccess table) {
    return new DynamoAccessGroupsStore(table);
  }

  @Singleton
  ConnectionWorkspaces connectionWorkspaces(ConnectionStore connections) {
    return new ConnectionWorkspaces(connections);
  }

  @Singleton
  Accounts accounts(AccountStore store, AccessGroupsStore accessGroups, Clock clock) {
    return new Accounts(store, accessGroups, clock);
  }

  @Singleton
  SeatLedger seatLedger(AccountStore store, Clock clock, Settings settings, OperationalMetrics metrics) {
    Duration interval = settings.optional(Setting.SEAT_RECONCILIATION_INTERVAL).map(Duration::parse)
        .orElse(SeatLedger.DEFAULT_RECONCILIATION_INTERVAL);
    return new SeatLedger(store, clock, interval, metrics);
  }

  /** The stream's re-derivation of an app user; the reconciler (admin API, scheduled run) uses the same. */
  @Singleton
  AppUserRefresh appUserRefresh(UserStore users, GroupStore groups, AppUserStore appUsers, AccountStore accounts,
      AccessGroupsStore accessGroups, ConnectionStore connections, ConnectionMappingStore mappings,
      CustomFieldStore fields, Clock clock) {
    return new AppUserRefresh(users, groups, appUsers, new GroupAccess(accounts, clock), accessGroups,
        new ProfileMappings(connections, mappings, fields));
  }

  @Singleton
  WorkspaceReconciler workspaceReconciler(Workspaces workspaces, ConnectionStore connections, UserStore users,
      AppUserStore appUsers, Accounts accounts, AccountStore accountStore, AppUserRefresh refresh, SeatLedger seats,
      Clock clock, Settings settings) {
    int pageSize = settings.optional(Setting.RECONCILIATION_PAGE_SIZE).map(Integer::parseInt)
        .orElse(WorkspaceReconciler.DEFAULT_PAGE_SIZE);
    return new WorkspaceReconciler(workspaces, connections, users, appUsers, accounts, accountStore, refresh, seats,
        clock, pageSize);
  }

  @Singleton
  ReconciliationProgressStore reconciliationProgressStore(TableAccess table) {
    return new DynamoReconciliationProgressStore(table);
  }

  @Singleton
  ScheduledReconciliation scheduledReconciliation(Workspaces workspaces, WorkspaceReconciler reconciler,
      ReconciliationProgressStore progress, Clock clock) {
    return new ScheduledReconciliation(workspaces, reconciler, progress, clock);
  }

  @Singleton
  TagRefreshJobStore tagRefreshJobStore(TableAccess table) {
    return new DynamoTagRefreshJobStore(table);
  }

  @Singleton
  CustomFieldStore customFieldStore(TableAccess table) {
    return new DynamoCustomFieldStore(table);
  }

  @Singleton
  ConnectionMappingStore connectionMappingStore(TableAccess table) {
    return new DynamoConnectionMappingStore(table);
  }

  @Singleton
  WebhookStore webhookStore(TableAccess table) {
    return new DynamoWebhookStore(table);
  }

  @Singleton
  PageCursorStore pageCursorStore(TableAccess table, Clock clock) {
    return new DynamoPageCursorStore(table, clock);
  }

  @Singleton
  ActivityStore activityStore(TableAccess table, Clock clock, Settings settings) {
    return new DynamoActivityStore(table, clock, activityRetention(settings));
  }

  @Singleton
  ActivityLog activityLog(ActivityStore store, Connections connections) {
    return new ActivityLog(store, connections);
  }

  static Duration activityRetention(Settings settings) {
    String days = settings.optional(Setting.ACTIVITY_RETENTION_DAYS).orElse(Integer.toString(DEFAULT_ACTIVITY_RETENTION_DAYS));
    try {
      int value = Integer.parseInt(days.strip());
      if (value >= 1 && value <= MAX_ACTIVITY_RETENTION_DAYS) {
        return Duration.ofDays(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException(Setting.ACTIVITY_RETENTION_DAYS.environmentVariable()
        + " must be a number of days from 1 to " + MAX_ACTIVITY_RETENTION_DAYS + ", not '" + days + "'");
  }

  @Singleton
  SecretNames secretNames(Settings settings) {
    return new SecretNames(settings.require(Setting.SECRET_PREFIX));
  }

  @Singleton
  Workspaces workspaces(WorkspaceStore store, Clock clock) {
    return new Workspaces(store, clock);
  }

  @Singleton
  Connections connections(
      ConnectionStore store, Workspaces workspaces, SecretStore secrets, SecretNames names, Clock clock, Settings settings) {
    Duration grace = settings.optional(Setting.SECRET_ROTATION_GRACE).map(Duration::parse).orElse(DEFAULT_ROTATION_GRACE);
    return new Connections(store, workspaces, secrets, names, clock, grace);
  }

  @Singleton
  Webhooks webhooks(WebhookStore store, Workspaces workspaces, SecretStore secrets, SecretNames names, Clock clock) {
    return new Webhooks(store, workspaces, secrets, names, clock);
  }

  @Singleton
  ConnectionAuthenticator connectionAuthenticator(
      ConnectionStore store, SecretStore secrets, SecretNames names, Clock clock) {
    return new ConnectionAuthenticator(store, secrets, names, clock);
  }
}
