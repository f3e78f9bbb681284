package dev.scimlambda.directorysync.function;

import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.directorysync.DirectoryCredentialsStore;
import dev.scimlambda.directorysync.providers.DirectoryProviderRegistry;
import dev.scimlambda.directorysync.DirectoryProviders;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.directorysync.DirectorySyncEngine;
import dev.scimlambda.directorysync.SyncActivity;
import dev.scimlambda.directorysync.DirectorySyncStore;
import dev.scimlambda.directorysync.SyncDispatch;
import dev.scimlambda.directorysync.http.DirectoryEndpoints;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import dev.scimlambda.persistence.DynamoDirectorySyncStore;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.rules.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.AccountLinks;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.scim.users.Users;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Directory Sync in a function's context: the sync function, the admin API (Sync now, credentials,
 * run history) and the embedded stack. The engine writes through SCIM Users and Groups services of
 * its own, built as the SCIM function builds them, so a pulled user is written by the same code.
 */
@Factory
public class DirectorySyncWiring {

  static final Duration DEFAULT_FULL_PASS_INTERVAL = Duration.ofDays(1);
  private static final List<Setting> ENDPOINT_SETTINGS = List.of(Setting.SYNC_GRAPH_LOGIN_URL,
      Setting.SYNC_GRAPH_API_URL, Setting.SYNC_GOOGLE_TOKEN_URL, Setting.SYNC_GOOGLE_API_URL,
      Setting.SYNC_ALLOW_LOOPBACK_HTTP);

  @Singleton
  DirectorySyncStore directorySyncStore(TableAccess table) {
    return new DynamoDirectorySyncStore(table);
  }

  @Singleton
  DirectoryCredentialsStore directoryCredentialsStore(SecretStore secrets, SecretNames names) {
    return new DirectoryCredentialsStore(secrets, names);
  }

  @Singleton
  DirectoryProviders directoryProviders(Settings settings, Clock clock) {
    Map<String, String> values = new HashMap<>();
    for (Setting setting : ENDPOINT_SETTINGS) {
      settings.optional(setting).ifPresent(value -> values.put(setting.environmentVariable(), value));
    }
    return new DirectoryProviderRegistry(DirectoryEndpoints.fromEnvironment(values), DirectoryHttp.standard(), clock);
  }

  @Singleton
  DirectorySyncEngine directorySyncEngine(DirectorySyncStore store, DirectoryCredentialsStore credentials,
      DirectoryProviders providers, UserStore users, GroupStore groups, Accounts accounts, SeatLedger seats,
      ConnectionWorkspaces workspaces, ActivityStore activity, Settings settings, Clock clock) {
    Groups scimGroups = new Groups(groups, new SchemaDocumentRules(ScimSchemas.group()), clock);
    Users scimUsers = new Users(users, new SchemaDocumentRules(ScimSchemas.user()), clock, scimGroups,
        new AccountLinks(accounts, seats, workspaces));
    Duration fullPassEvery = settings.optional(Setting.SYNC_FULL_PASS_INTERVAL).map(Duration::parse)
        .orElse(DEFAULT_FULL_PASS_INTERVAL);
    return new DirectorySyncEngine(store, credentials, providers, scimUsers, users, scimGroups, groups, clock,
        fullPassEvery, new SyncActivity(activity, clock));
  }

  @Singleton
  DirectorySyncConnections directorySyncConnections(Connections connections, DirectorySyncStore store,
      DirectoryCredentialsStore credentials, DirectorySyncEngine engine, DirectoryProviders providers,
      SyncDispatch dispatch, Clock clock) {
    return new DirectorySyncConnections(connections, store, credentials, engine, providers, dispatch, clock);
  }

  @Singleton
  @Requires(property = "scim.sync-queue-url")
  SyncDispatch queuedDispatch(Settings settings, SdkHttpClient http, Clock clock) {
    return new SqsSyncDispatch(SqsClient.builder().httpClient(http).build(), settings.require(Setting.SYNC_QUEUE_URL),
        clock);
  }

  /** Without a queue (the embedded stack, tests), runs go on in this process, on one thread. */
  @Singleton
  @Requires(missingProperty = "scim.sync-queue-url")
  InProcessSyncRunner inProcessRunner(jakarta.inject.Provider<DirectorySyncEngine> engine,
      jakarta.inject.Provider<DirectorySyncConnections> connections, Settings settings, Clock clock) {
    InProcessSyncRunner runner = new InProcessSyncRunner(engine::get, clock);
    if (settings.optional(Setting.SYNC_LOCAL_SCHEDULER).map(Boolean::parseBoolean).orElse(false)) {
      runner.tickEveryMinute(() -> connections.get().startDueRuns(SyncMessages.DUE_RUNS_PER_TICK));
    }
    return runner;
  }
}
