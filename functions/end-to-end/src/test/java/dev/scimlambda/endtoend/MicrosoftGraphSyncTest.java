package dev.scimlambda.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.DirectorySyncStore;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.scim.users.UserStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Microsoft Graph connection synced from a stub of Graph serving its documented shapes
 * ({@code src/test/resources/directorysync/graph/}), asserted on what the workspace holds after:
 * people, seats, access and {@code Group:} tags, as a SCIM push would leave them.
 */
class MicrosoftGraphSyncTest {

  private static final String ADA = "ada@contoso.com";
  private static final String GRACE = "grace@contoso.com";
  private static final String LINUS = "linus@contoso.com";
  private static final String TENANT = "contoso.onmicrosoft.com";

  @RegisterExtension
  static final DirectoryHarness directory = DirectoryHarness.keepingEvents();
  private static final WireMockServer graph = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  private String workspace;

  @BeforeAll
  static void startGraph() {
    graph.start();
  }

  @AfterAll
  static void stopGraph() {
    graph.stop();
  }

  @BeforeEach
  void stubGraph() {
    graph.resetAll();
    workspace = directory.newWorkspace(null);
    graph.stubFor(post(urlPathEqualTo("/login/" + TENANT + "/oauth2/v2.0/token")).willReturn(okJson(fixture("token.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent())
        .withQueryParam("$deltatoken", absent()).willReturn(okJson(fixture("users-delta-1.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .willReturn(okJson(fixture("users-delta-2.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", absent())
        .willReturn(okJson(fixture("groups-delta-1.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo("users-after-first-sync"))
        .willReturn(okJson(fixture("users-delta-changes.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/87d349ed-44d7-43e1-9a83-5f2406dee5bd"))
        .willReturn(okJson(fixture("user-ada.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", equalTo("groups-after-first-sync"))
        .willReturn(okJson(fixture("groups-delta-changes.json"))));
  }

  private static String fixture(String name) {
    try (InputStream in = MicrosoftGraphSyncTest.class.getResourceAsStream("/directorysync/graph/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", graph.baseUrl());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> tags(JsonNode appUser) {
    return java.util.stream.StreamSupport.stream(appUser.get("tags").spliterator(), false).map(JsonNode::asText).toList();
  }

  /**
   * The workspace's user and group events as {@code "<type> <name>"}, sorted: a person by display
   * name, a group by its name (a membership event names the person). Connection events are left out.
   */
  private static List<String> directoryEvents(String ws) {
    return directory.keptEvents(ws).stream()
        .filter(event -> !event.get("type").asText().startsWith("connection."))
        .map(event -> event.get("type").asText() + " " + named(event.get("data")))
        .sorted().toList();
  }

  private static String named(JsonNode data) {
    JsonNode user = data.path("user");
    if (!user.isMissingNode()) {
      return user.has("displayName") ? user.get("displayName").asText() : user.path("display").asText();
    }
    return data.path("group").path("displayName").asText();
  }

  private SyncRun firstSync(PullHarness pull) {
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    return pull.runToEnd(created.connection().id(), created.lastRun().id());
  }

  @Test
  void theFirstSyncProvisionsEveryoneWithSeatAccessAndGroupTags() {
    PullHarness pull = new PullHarness(directory, graph.baseUrl());

    SyncRun run = firstSync(pull);

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(run.kind()).isEqualTo(SyncKind.FULL);
    assertThat(run.counts()).isEqualTo(new SyncRun.Counts(3, 0, 0, 0));
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people).containsOnlyKeys(ADA, GRACE, LINUS);
    assertThat(people.values()).allSatisfy(person -> {
      assertThat(person.get("active").asBoolean()).isTrue();
      assertThat(person.get("seat").asBoolean()).isTrue();
      assertThat(person.at("/access/granted").asBoolean()).isTrue();
    });
    assertThat(tags(people.get(ADA))).containsExactly("Group:Engineering");
    assertThat(tags(people.get(GRACE))).containsExactly("Group:Engineering");
    assertThat(tags(people.get(LINUS))).containsExactly("Group:Sales");
    assertThat(people.get(ADA).get("displayName").asText()).isEqualTo("Ada Lovelace");
  }

  @Test
  void pulledPeopleRaiseTheDirectoryEventsOfTheSamePeoplePushedThroughScim() {
    String pushedWorkspace = directory.newWorkspace(null);
    directory.keepEventsOf(pushedWorkspace);
    directory.keepEventsOf(workspace);
    var scim = directory.newConnection(pushedWorkspace);
    String ada = directory.createUser(scim, ADA, "Ada Lovelace");
    String grace = directory.createUser(scim, GRACE, "Grace Hopper");
    String linus = directory.createUser(scim, LINUS, "Linus Torvalds");
    directory.createGroup(scim, "Engineering", List.of(ada, grace));
    directory.createGroup(scim, "Sales", List.of(linus));
    directory.converge();

    firstSync(new PullHarness(directory, graph.baseUrl()));

    assertThat(directoryEvents(workspace)).contains("user.created Ada Lovelace", "group.created Engineering",
        "group.user_added Ada Lovelace").isEqualTo(directoryEvents(pushedWorkspace));
  }

  @Test
  void aDeltaRaisesTheDeactivationTheUpdateAndTheMoveAsEvents() {
    directory.keepEventsOf(workspace);
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    String connectionId = created.connection().id();
    pull.runToEnd(connectionId, created.lastRun().id());
    List<String> afterFirstSync = directoryEvents(workspace);

    pull.runToEnd(connectionId, pull.connections.syncNow(workspace, connectionId, false).id());

    List<String> raised = new java.util.ArrayList<>(directoryEvents(workspace));
    afterFirstSync.forEach(raised::remove);
    assertThat(raised).containsExactlyInAnyOrder("user.deactivated Grace Hopper", "user.updated Ada Lovelace",
        "group.user_removed Ada Lovelace", "group.user_added Ada Lovelace");
  }

  @Test
  void theActivityLogShowsEachPulledChangeAndTheRefusedPersonWithTheSeatLimit() {
    String twoSeats = directory.newWorkspace(2);
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.graphConnection(twoSeats);
    String connectionId = created.connection().id();

    SyncRun run = pull.runToEnd(connectionId, created.lastRun().id());

    assertThat(run.counts().failed()).isEqualTo(1);
    List<JsonNode> activity = activity(twoSeats, connectionId);
    // Two people with seats, two groups, Engineering's members in one patch; Linus is the third seat.
    assertThat(activity.stream().map(entry -> entry.get("operation").asText() + " " + entry.get("outcome").asText())
        .sorted()).containsExactly("create Group success", "create Group success", "create User failure",
        "create User success", "create User success", "patch Group success");
    assertThat(activity).allSatisfy(entry ->
        assertThat(entry.get("userAgent").asText()).as("a pulled change names its run").endsWith(run.id()));
    JsonNode refused = entry(activity, "create User", "failure");
    assertThat(refused.get("status").asInt()).isEqualTo(403);
    assertThat(refused.get("detail").asText()).startsWith("No seats left");
    JsonNode createdPerson = entry(activity, "create User", "success");
    assertThat(createdPerson.get("changes").isArray()).as("a pulled create shows its diff, as a push does").isTrue();
    assertThat(createdPerson.toString()).as("redacted as a push is").doesNotContain(ADA, GRACE,
        "Lovelace", "Hopper");
  }

  /** The connection's activity log as the admin API serves it, newest first. */
  private static List<JsonNode> activity(String ws, String connectionId) {
    JsonNode page = directory.admin("GET", "/admin/v1/workspaces/" + ws + "/connections/" + connectionId
        + "/activity?limit=100").json();
    return java.util.stream.StreamSupport.stream(page.get("activity").spliterator(), false).toList();
  }

  private static JsonNode entry(List<JsonNode> activity, String operation, String outcome) {
    return activity.stream().filter(entry -> entry.get("operation").asText().equals(operation)
        && entry.get("outcome").asText().equals(outcome)).findFirst().orElseThrow();
  }

  @Test
  void aDeltaDeactivatesTheRemovedAndMovesAUserBetweenGroups() {
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    String connectionId = created.connection().id();
    pull.runToEnd(connectionId, created.lastRun().id());

    SyncRun changes = pull.runToEnd(connectionId, pull.connections.syncNow(workspace, connectionId, false).id());

    assertThat(changes.kind()).isEqualTo(SyncKind.INCREMENTAL);
    assertThat(changes.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(changes.counts()).isEqualTo(new SyncRun.Counts(0, 1, 1, 0));
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people.get(GRACE).get("active").asBoolean()).isFalse();
    assertThat(people.get(GRACE).get("seat").asBoolean()).isFalse();
    assertThat(people.get(GRACE).at("/access/granted").asBoolean()).isFalse();
    assertThat(tags(people.get(ADA))).containsExactly("Group:Sales");
    assertThat(tags(people.get(LINUS))).containsExactly("Group:Sales");
    assertThat(pull.store.state(connectionId).orElseThrow().usersPosition())
        .endsWith("$deltatoken=users-after-changes");
  }

  @Test
  void aThrottledPageIsReadAgainAfterTheRetryAfterGraphAskedFor() {
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
            .withHeader("Content-Type", "application/json").withBody(fixture("error-throttled.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .inScenario("throttle").whenScenarioStateIs("throttled")
        .willReturn(okJson(fixture("users-delta-2.json"))));
    PullHarness pull = new PullHarness(directory, graph.baseUrl());

    SyncRun run = firstSync(pull);

    assertThat(pull.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(pull.appUsersByEmail(workspace)).containsOnlyKeys(ADA, GRACE, LINUS);
  }

  @Test
  void aLongRateLimitPausesTheRunUntilItEnds() {
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .inScenario("quota").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
            .withHeader("Content-Type", "application/json").withBody(fixture("error-throttled.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .inScenario("quota").whenScenarioStateIs("waited").willReturn(okJson(fixture("users-delta-2.json"))));
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    var started = pull.clock.instant();

    var paused = pull.engine.work(created.connection().id(), created.lastRun().id(), started.plus(Duration.ofMinutes(14)));

    assertThat(paused.finished()).isFalse();
    assertThat(paused.continueAt()).isEqualTo(started.plusSeconds(120));
    assertThat(paused.run().status()).isEqualTo(SyncRun.Status.RUNNING);
    assertThat(pull.runToEnd(created.connection().id(), created.lastRun().id()).status())
        .isEqualTo(SyncRun.Status.SUCCEEDED);
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheRunGoesOn() {
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .inScenario("expiry").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("expired")
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody(fixture("error-token-expired.json"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .inScenario("expiry").whenScenarioStateIs("expired").willReturn(okJson(fixture("users-delta-2.json"))));
    PullHarness pull = new PullHarness(directory, graph.baseUrl());

    SyncRun run = firstSync(pull);

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    graph.verify(2, postRequestedFor(urlPathEqualTo("/login/" + TENANT + "/oauth2/v2.0/token")));
  }

  @Test
  void refusedCredentialsFailTheRunInTheProvidersWords() {
    graph.stubFor(post(urlPathEqualTo("/login/" + TENANT + "/oauth2/v2.0/token")).willReturn(aResponse()
        .withStatus(401).withHeader("Content-Type", "application/json").withBody(fixture("token-invalid-client.json"))));
    PullHarness pull = new PullHarness(directory, graph.baseUrl());

    SyncRun run = firstSync(pull);

    assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
    assertThat(run.lastError()).isEqualTo("invalid_client: AADSTS7000215: Invalid client secret provided. Ensure the "
        + "secret being sent in the request is the client secret value, not the client secret ID, for a secret "
        + "added to app '00000000-0000-0000-0000-000000000001'.");
    assertThat(pull.appUsersByEmail(workspace)).isEmpty();
  }

  @Test
  void aRunKilledAfterWritingAPageResumesFromItsCheckpointWithoutDuplicatingAnyone() {
    AtomicBoolean killed = new AtomicBoolean();
    PullHarness pull = new PullHarness(directory, graph.baseUrl(), store -> killOnceWhenRecordingUsers(store, killed),
        providers -> providers);
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    String connectionId = created.connection().id();

    try {
      pull.engine.work(connectionId, created.lastRun().id(), pull.clock.instant().plus(Duration.ofMinutes(14)));
      throw new AssertionError("the invocation was not killed");
    } catch (IllegalStateException killedInvocation) {
      assertThat(killedInvocation).hasMessage("killed");
    }
    pull.clock.advance(Duration.ofMinutes(15));
    SyncRun run = pull.runToEnd(connectionId, created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    UserStore users = directory.stack.context().getBean(UserStore.class);
    assertThat(users.page(connectionId, null, 100).users()).hasSize(3);
    assertThat(pull.appUsersByEmail(workspace)).containsOnlyKeys(ADA, GRACE, LINUS);
  }

  /**
   * The first page's people are created in the workspace, then the invocation dies before it
   * records them or checkpoints: the resumed run reads that page again.
   */
  private static DirectorySyncStore killOnceWhenRecordingUsers(DirectorySyncStore store, AtomicBoolean killed) {
    return (DirectorySyncStore) Proxy.newProxyInstance(DirectorySyncStore.class.getClassLoader(),
        new Class<?>[] {DirectorySyncStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("putUsers") && killed.compareAndSet(false, true)) {
            throw new IllegalStateException("killed");
          }
          try {
            return method.invoke(store, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aFullPassDeactivatesWhoeverDisappearedAndRemovesMembershipsNoLongerThere() {
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    String connectionId = created.connection().id();
    pull.runToEnd(connectionId, created.lastRun().id());
    // The next full pass: Linus is gone from the directory, Grace left Engineering.
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .willReturn(okJson(fixture("users-delta-2.json").replaceAll("(?s)\\{\\s*\"id\": \"a0b1c2d3.*?\\}\\s*\\]", "]"))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", absent())
        .willReturn(okJson(fixture("groups-delta-1.json").replace(
            ",\n        {\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"5bde3e51-d13b-4db1-9948-fe4b109d11a7\"}", ""))));

    SyncRun full = pull.runToEnd(connectionId, pull.connections.syncNow(workspace, connectionId, true).id());

    assertThat(full.kind()).isEqualTo(SyncKind.FULL);
    assertThat(full.counts()).isEqualTo(new SyncRun.Counts(0, 0, 1, 0));
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people.get(LINUS).get("active").asBoolean()).isFalse();
    assertThat(tags(people.get(GRACE))).isEmpty();
    assertThat(tags(people.get(ADA))).containsExactly("Group:Engineering");
  }

  @Test
  void aGroupSelectionSyncsOnlyTheSelectedGroups() {
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.connections.create(workspace, "Contoso",
        dev.scimlambda.directorysync.DirectoryKind.MICROSOFT_GRAPH, PullHarness.graphCredentials(),
        new dev.scimlambda.directorysync.GroupSelection(java.util.Set.of("02bd9fd6-8f93-4758-87c3-1fb73740a315")),
        Duration.ofMinutes(40));

    pull.runToEnd(created.connection().id(), created.lastRun().id());

    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(tags(people.get(ADA))).containsExactly("Group:Engineering");
    assertThat(tags(people.get(LINUS))).isEmpty();
    graph.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v1.0/groups/delta"))
        .withQueryParam("$filter", equalTo("id eq '02bd9fd6-8f93-4758-87c3-1fb73740a315'")));
  }

  @Test
  void nobodyCanPushScimIntoAPullConnection() {
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    String connectionId = pull.graphConnection(workspace).connection().id();

    var refused = dev.scimlambda.testing.ApiCall.of("GET", "/scim/v2/" + connectionId + "/Users")
        .bearer("anything").invoke(directory.scim);

    assertThat(refused.status()).isEqualTo(401);
  }
}
