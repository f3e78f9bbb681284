package dev.scimlambda.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.GroupSelection;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An Okta API connection synced from a stub of Okta's Management API serving the documented shapes
 * (the Okta provider's fixtures, {@code functions/directory-sync/src/test/resources/.../okta/}),
 * asserted on what the workspace holds after: people, seats, access and {@code Group:} tags.
 */
class OktaApiSyncTest {

  private static final Path FIXTURES = Path.of("..", "directory-sync", "src", "test", "resources", "dev", "scimlambda",
      "directorysync", "okta").toAbsolutePath().normalize();
  private static final String ISAAC = "isaac.brock@example.com";
  private static final String WINONA = "winona.ryder@example.com";
  private static final String KIM = "kim.deal@example.com";
  private static final String ENGINEERING = "00g1emaKYZTWRYYRRTSK";
  private static final String SALES = "00g1emaKYZTWRYYRRTSL";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());
  private static final WireMockServer okta = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  private String workspace;

  @BeforeAll
  static void startOkta() {
    okta.start();
  }

  @AfterAll
  static void stopOkta() {
    okta.stop();
  }

  @BeforeEach
  void stubOkta() {
    okta.resetAll();
    workspace = directory.newWorkspace(null);
    // A full pass lists users without a search and pages by Link rel="next".
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("search", absent()).withQueryParam("after", absent())
        .willReturn(okJson(fixture("users-page-1.json"))
            .withHeader("Link", "<" + okta.baseUrl() + "/api/v1/users?after=00u1f96ECLNVOKVMUSEB&limit=200>; rel=\"next\"")));
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo("00u1f96ECLNVOKVMUSEB"))
        .willReturn(okJson(fixture("users-page-2.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/groups")).withQueryParam("search", absent()).willReturn(okJson(fixture("groups.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/groups/" + ENGINEERING + "/users")).willReturn(okJson(fixture("group-engineering-users.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/groups/" + SALES + "/users")).willReturn(okJson(fixture("group-sales-users.json"))));
  }

  private static String fixture(String name) {
    try {
      return Files.readString(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode apiToken() {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    return node.put("orgUrl", okta.baseUrl()).put("apiToken", "00okta-api-token");
  }

  private DirectorySyncConnections.PullConnection connect(PullHarness pull, JsonNode credentials) {
    return pull.connections.create(workspace, "Okta", DirectoryKind.OKTA_API, credentials, GroupSelection.all(),
        Duration.ofMinutes(40));
  }

  private static List<String> tags(JsonNode appUser) {
    return java.util.stream.StreamSupport.stream(appUser.get("tags").spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void theFirstSyncProvisionsEveryoneWithSeatAccessAndGroupTags() {
    PullHarness pull = new PullHarness(directory, okta.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull, apiToken());

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(run.kind()).isEqualTo(SyncKind.FULL);
    assertThat(run.counts()).isEqualTo(new SyncRun.Counts(3, 0, 0, 0));
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people).containsOnlyKeys(ISAAC, WINONA, KIM);
    assertThat(people.values()).allSatisfy(person -> {
      assertThat(person.get("active").asBoolean()).isTrue();
      assertThat(person.get("seat").asBoolean()).isTrue();
      assertThat(person.at("/access/granted").asBoolean()).isTrue();
    });
    assertThat(tags(people.get(ISAAC))).containsExactly("Group:Engineering");
    assertThat(tags(people.get(WINONA))).containsExactly("Group:Engineering");
    assertThat(tags(people.get(KIM))).containsExactly("Group:Sales");
    assertThat(people.get(ISAAC).get("displayName").asText()).isEqualTo("Isaac Brock");
    okta.verify(getRequestedFor(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", equalTo("SSWS 00okta-api-token")));
  }

  @Test
  void anIncrementalSyncDeactivatesDeprovisionedAndSuspendedPeopleAndMovesOneBetweenGroups() {
    PullHarness pull = new PullHarness(directory, okta.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull, apiToken());
    String connectionId = created.connection().id();
    pull.runToEnd(connectionId, created.lastRun().id());
    // Since then: Isaac moved from Engineering to Sales, Winona was suspended, Kim deactivated.
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("search", containing("lastUpdated gt"))
        .willReturn(okJson(fixture("users-changed.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/groups")).withQueryParam("search", containing("lastMembershipUpdated gt"))
        .willReturn(okJson(fixture("groups.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/groups/" + ENGINEERING + "/users"))
        .willReturn(okJson(membersOf("00u1f96ECLNVOKVMUSEB"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/groups/" + SALES + "/users"))
        .willReturn(okJson(membersOf("00u1f96ECLNVOKVMUSEA", "00u1f96ECLNVOKVMUSEC"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/logs")).willReturn(okJson(fixture("logs-membership.json"))));
    pull.clock.advance(Duration.ofMinutes(40));

    SyncRun changes = pull.runToEnd(connectionId, pull.connections.syncNow(workspace, connectionId, false).id());

    assertThat(changes.kind()).isEqualTo(SyncKind.INCREMENTAL);
    assertThat(changes.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people.get(KIM).get("active").asBoolean()).isFalse();
    assertThat(people.get(KIM).get("seat").asBoolean()).isFalse();
    assertThat(people.get(WINONA).get("active").asBoolean()).isFalse();
    assertThat(people.get(WINONA).at("/access/granted").asBoolean()).isFalse();
    assertThat(people.get(ISAAC).get("active").asBoolean()).isTrue();
    assertThat(tags(people.get(ISAAC))).containsExactly("Group:Sales");
    okta.verify(getRequestedFor(urlPathEqualTo("/api/v1/users")).withQueryParam("search", containing("lastUpdated gt")));
  }

  @Test
  void a429IsWaitedOutUntilXRateLimitResetAndTheRunGoesOn() {
    long reset = new PullHarness(directory, okta.baseUrl()).clock.instant().getEpochSecond() + 7;
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo("00u1f96ECLNVOKVMUSEB"))
        .inScenario("rate").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
        .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
            .withHeader("X-Rate-Limit-Limit", "600").withHeader("X-Rate-Limit-Remaining", "0")
            .withHeader("X-Rate-Limit-Reset", Long.toString(reset)).withBody(fixture("error-rate-limit.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo("00u1f96ECLNVOKVMUSEB"))
        .inScenario("rate").whenScenarioStateIs("limited").willReturn(okJson(fixture("users-page-2.json"))));
    PullHarness pull = new PullHarness(directory, okta.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull, apiToken());

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(pull.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(pull.appUsersByEmail(workspace)).containsOnlyKeys(ISAAC, WINONA, KIM);
  }

  @Test
  void aServiceAppsExpiredTokenIsRenewedOnceAndTheRunGoesOn() throws Exception {
    okta.stubFor(post(urlPathEqualTo("/oauth2/v1/token")).willReturn(okJson(fixture("token-response.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo("00u1f96ECLNVOKVMUSEB"))
        .inScenario("expiry").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("expired")
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(fixture("error-invalid-token.json"))));
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("after", equalTo("00u1f96ECLNVOKVMUSEB"))
        .inScenario("expiry").whenScenarioStateIs("expired").willReturn(okJson(fixture("users-page-2.json"))));
    ObjectNode serviceApp = ScimJson.MAPPER.createObjectNode().put("orgUrl", okta.baseUrl()).put("clientId", "0oa-directory-sync")
        .put("privateKey", new RSAKeyGenerator(2048).keyID("sync-key").generate().toJSONString());
    PullHarness pull = new PullHarness(directory, okta.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull, serviceApp);

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    okta.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/v1/token")));
    assertThat(pull.appUsersByEmail(workspace)).containsOnlyKeys(ISAAC, WINONA, KIM);
  }

  @Test
  void aRefusedApiTokenFailsTheRunInOktasWords() {
    okta.stubFor(get(urlPathEqualTo("/api/v1/users")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(fixture("error-invalid-token.json"))));
    PullHarness pull = new PullHarness(directory, okta.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull, apiToken());

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
    assertThat(run.lastError()).isEqualTo("Invalid token provided (E0000011)");
    assertThat(pull.appUsersByEmail(workspace)).isEmpty();
  }

  /** A group's members page: the fixture users with these ids. */
  private static String membersOf(String... ids) {
    var members = ScimJson.MAPPER.createArrayNode();
    for (String page : List.of("users-page-1.json", "users-page-2.json")) {
      try {
        ScimJson.MAPPER.readTree(fixture(page)).forEach(u -> {
          if (List.of(ids).contains(u.path("id").asText())) {
            members.add(u);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return members.toString();
  }
}
