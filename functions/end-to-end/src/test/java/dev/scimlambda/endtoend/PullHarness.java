package dev.scimlambda.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.directorysync.DirectoryCredentialsStore;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.providers.DirectoryProviderRegistry;
import dev.scimlambda.directorysync.DirectoryProviders;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.DirectorySyncEngine;
import dev.scimlambda.directorysync.DirectorySyncStore;
import dev.scimlambda.directorysync.GroupSelection;
import dev.scimlambda.directorysync.SyncDispatch;
import dev.scimlambda.directorysync.SyncActivity;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.directorysync.http.DirectoryEndpoints;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.persistence.DynamoAccessGroupsStore;
import dev.scimlambda.persistence.DynamoActivityStore;
import dev.scimlambda.persistence.DynamoAccountStore;
import dev.scimlambda.persistence.DynamoConnectionStore;
import dev.scimlambda.persistence.DynamoDirectorySyncStore;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.scim.rules.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.AccountLinks;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.scim.users.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The sync engine on a {@link DirectoryHarness}'s stack, with the providers pointed at a stub
 * server, a clock the test moves, and throttle waits recorded instead of slept. {@link #runToEnd}
 * plays the sync function: it works on a run, invocation after invocation, until it ends.
 */
final class PullHarness {

  final DirectoryHarness directory;
  final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T12:00:00Z"));
  final List<Duration> waits = new ArrayList<>();
  final List<String> dispatched = new ArrayList<>();
  final CapacityMeter capacity = new CapacityMeter();
  final DirectorySyncStore store;
  final DirectorySyncEngine engine;
  final DirectorySyncConnections connections;

  PullHarness(DirectoryHarness directory, String stubBaseUrl) {
    this(directory, stubBaseUrl, UnaryOperator.identity(), UnaryOperator.identity());
  }

  PullHarness(DirectoryHarness directory, String stubBaseUrl, UnaryOperator<DirectorySyncStore> storeWrapper,
      UnaryOperator<DirectoryProviders> providerWrapper) {
    this.directory = directory;
    var context = directory.stack.context();
    // The engine's own table client asks for consumed capacity, so a run's cost can be read off.
    TableAccess shared = context.getBean(TableAccess.class);
    TableAccess table = new TableAccess(DynamoDbClient.builder()
        .endpointOverride(directory.stack.database().endpoint())
        .region(DynamoDbLocal.REGION)
        .credentialsProvider(DynamoDbLocal.credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(capacity))
        .build(), shared.tableName());
    store = storeWrapper.apply(new DynamoDirectorySyncStore(table));
    DirectoryCredentialsStore credentials = new DirectoryCredentialsStore(context.getBean(SecretStore.class),
        context.getBean(SecretNames.class));
    DirectoryEndpoints endpoints = new DirectoryEndpoints(URI.create(stubBaseUrl + "/login"),
        URI.create(stubBaseUrl + "/v1.0"), URI.create(stubBaseUrl + "/google/token"),
        URI.create(stubBaseUrl + "/admin/directory/v1"), true);
    DirectoryHttp http = new DirectoryHttp(HttpClient.newHttpClient(),
        new RetryPolicy(4, Duration.ZERO, Duration.ZERO), Duration.ofSeconds(10), Duration.ofSeconds(30), waits::add,
        clock);
    DirectoryProviders providers = providerWrapper.apply(new DirectoryProviderRegistry(endpoints, http, clock));
    UserStore userStore = new DynamoUserStore(table);
    GroupStore groupStore = new DynamoGroupStore(table);
    DynamoAccountStore accountStore = new DynamoAccountStore(table);
    Groups groups = new Groups(groupStore, new SchemaDocumentRules(ScimSchemas.group()), Clock.systemUTC());
    Users users = new Users(userStore, new SchemaDocumentRules(ScimSchemas.user()), Clock.systemUTC(), groups,
        new AccountLinks(new Accounts(accountStore, new DynamoAccessGroupsStore(table), Clock.systemUTC()),
            context.getBean(SeatLedger.class), new ConnectionWorkspaces(new DynamoConnectionStore(table))));
    // The activity log on the metered client, so a run's cost includes its entries; its clock is the
    // SCIM services' (the system's), so entries join the revisions the stream derives.
    SyncActivity activity = new SyncActivity(new DynamoActivityStore(table, Clock.systemUTC(), Duration.ofDays(30)),
        Clock.systemUTC());
    engine = new DirectorySyncEngine(store, credentials, providers, users, userStore, groups, groupStore, clock,
        Duration.ofHours(24), activity);
    SyncDispatch dispatch = (connectionId, runId, at) -> dispatched.add(runId);
    connections = new DirectorySyncConnections(context.getBean(Connections.class), store, credentials, engine,
        providers, dispatch, clock);
  }

  static JsonNode graphCredentials() {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("tenantId", "contoso.onmicrosoft.com").put("clientId", "11111111-2222-3333-4444-555555555555")
        .put("clientSecret", "stub-client-secret");
    return node;
  }

  /** A Microsoft Graph connection in a workspace of its own; its first run is started, not worked on. */
  DirectorySyncConnections.PullConnection graphConnection(String workspaceId) {
    return connections.create(workspaceId, "Contoso Entra ID", DirectoryKind.MICROSOFT_GRAPH, graphCredentials(),
        GroupSelection.all(), Duration.ofMinutes(40));
  }

  /**
   * Works on the run as the sync function would, one invocation of {@code budget} after the other
   * (moving the clock to each continuation), then lets the stream derive seats, tags and access.
   */
  SyncRun runToEnd(String connectionId, String runId, Duration budget) {
    for (int invocation = 0; invocation < 1_000; invocation++) {
      DirectorySyncEngine.Progress progress = engine.work(connectionId, runId, clock.instant().plus(budget));
      if (progress.finished()) {
        directory.converge();
        return progress.run();
      }
      clock.moveTo(progress.continueAt().isAfter(clock.instant()) ? progress.continueAt() : clock.instant());
    }
    throw new AssertionError("run " + runId + " did not end");
  }

  /** As {@link #runToEnd}, without waiting for the stream: the engine's own work only. */
  SyncRun engineRunToEnd(String connectionId, String runId) {
    for (int invocation = 0; invocation < 1_000; invocation++) {
      DirectorySyncEngine.Progress progress = engine.work(connectionId, runId, clock.instant().plus(Duration.ofMinutes(14)));
      if (progress.finished()) {
        return progress.run();
      }
      clock.moveTo(progress.continueAt().isAfter(clock.instant()) ? progress.continueAt() : clock.instant());
    }
    throw new AssertionError("run " + runId + " did not end");
  }

  SyncRun runToEnd(String connectionId, String runId) {
    return runToEnd(connectionId, runId, Duration.ofMinutes(14));
  }

  /** The workspace's app users by email, as the admin API lists them. */
  Map<String, JsonNode> appUsersByEmail(String workspaceId) {
    Map<String, JsonNode> users = new java.util.TreeMap<>();
    String cursor = null;
    do {
      JsonNode page = directory.admin("GET", "/admin/v1/workspaces/" + workspaceId + "/users?limit=100"
          + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.get("users").forEach(u -> users.put(u.path("email").asText(), u));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return users;
  }

  /** A clock the test moves; the lease and the rate-limit pauses read it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void moveTo(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
