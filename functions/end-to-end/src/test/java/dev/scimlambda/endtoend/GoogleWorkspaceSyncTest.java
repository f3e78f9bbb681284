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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.GroupSelection;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Google Workspace connection synced from a stub of the Directory API and Google's token endpoint
 * serving the documented shapes (the Google provider's fixtures,
 * {@code functions/directory-sync/src/test/resources/.../google/}), asserted on what the workspace
 * holds after. Google has no change feed: every run is a full pass.
 */
class GoogleWorkspaceSyncTest {

  private static final Path FIXTURES = Path.of("..", "directory-sync", "src", "test", "resources", "dev", "scimlambda",
      "directorysync", "google").toAbsolutePath().normalize();
  private static final String API = "/admin/directory/v1";
  private static final String LIZ = "liz@example.com";
  private static final String GRACE = "grace@example.com";
  private static final String ALAN = "alan@example.com";
  private static final String DESIGN = "03x8tuzt3hqdv5v";
  private static final String ENGINEERING = "03x8tuzt3hqdv5w";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());
  private static final WireMockServer google = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private static String keyFile;

  private String workspace;

  @BeforeAll
  static void startGoogle() throws Exception {
    google.start();
    RSAKey key = new RSAKeyGenerator(2048).generate();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.toPrivateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    keyFile = ScimJson.MAPPER.createObjectNode().put("type", "service_account").put("project_id", "directory-sync")
        .put("private_key_id", "key-1").put("private_key", pem)
        .put("client_email", "sync@directory-sync.iam.gserviceaccount.com").put("client_id", "104857601234567890123")
        .put("token_uri", "https://oauth2.googleapis.com/token").toString();
  }

  @AfterAll
  static void stopGoogle() {
    google.stop();
  }

  @BeforeEach
  void stubGoogle() {
    google.resetAll();
    workspace = directory.newWorkspace(null);
    google.stubFor(post(urlPathEqualTo("/google/token")).willReturn(okJson(fixture("token-response.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/users")).withQueryParam("pageToken", absent())
        .willReturn(okJson(fixture("users-page-1.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/users")).withQueryParam("pageToken", equalTo("Q0FFU0pRb0RZV1JoRWg1bmNtRmpaVUJsZUdGdGNHeGxMbU52YlE"))
        .willReturn(okJson(fixture("users-page-2.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/groups")).willReturn(okJson(fixture("groups.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/groups/" + DESIGN + "/members")).willReturn(okJson(fixture("members-design.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/groups/" + ENGINEERING + "/members")).willReturn(okJson(fixture("members-engineering.json"))));
  }

  private static String fixture(String name) {
    try {
      return Files.readString(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DirectorySyncConnections.PullConnection connect(PullHarness pull) {
    ObjectNode credentials = ScimJson.MAPPER.createObjectNode().put("serviceAccountKey", keyFile)
        .put("adminEmail", "admin@example.com").put("customerId", "my_customer");
    return pull.connections.create(workspace, "Google Workspace", DirectoryKind.GOOGLE_WORKSPACE, credentials,
        GroupSelection.all(), Duration.ofMinutes(40));
  }

  private static List<String> tags(JsonNode appUser) {
    return java.util.stream.StreamSupport.stream(appUser.get("tags").spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void theFirstSyncProvisionsEveryoneAndASuspendedUserStaysInactive() {
    PullHarness pull = new PullHarness(directory, google.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull);

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(run.kind()).isEqualTo(SyncKind.FULL);
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people).containsOnlyKeys(LIZ, GRACE, ALAN);
    assertThat(people.get(LIZ).get("active").asBoolean()).isTrue();
    assertThat(people.get(LIZ).get("seat").asBoolean()).isTrue();
    assertThat(people.get(LIZ).at("/access/granted").asBoolean()).isTrue();
    assertThat(people.get(ALAN).get("active").asBoolean()).isFalse();
    assertThat(people.get(ALAN).get("seat").asBoolean()).isFalse();
    assertThat(tags(people.get(LIZ))).containsExactly("Group:Design");
    assertThat(tags(people.get(GRACE))).containsExactly("Group:Engineering");
    assertThat(people.get(LIZ).get("displayName").asText()).isEqualTo("Elizabeth Smith");
  }

  @Test
  void theNextPassSkipsTheUnchangedDeactivatesTheDeletedAndMovesOneBetweenGroups() {
    PullHarness pull = new PullHarness(directory, google.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull);
    String connectionId = created.connection().id();
    pull.runToEnd(connectionId, created.lastRun().id());
    // Since then: Grace was deleted (no longer listed), Liz moved from Design to Engineering.
    google.stubFor(get(urlPathEqualTo(API + "/users")).withQueryParam("pageToken", absent())
        .willReturn(okJson(withoutUser(fixture("users-page-1.json"), "114259384732598111002"))));
    google.stubFor(get(urlPathEqualTo(API + "/groups/" + DESIGN + "/members")).willReturn(okJson(
        "{\"kind\": \"admin#directory#members\", \"etag\": \"\\\"empty\\\"\", \"members\": []}")));
    google.stubFor(get(urlPathEqualTo(API + "/groups/" + ENGINEERING + "/members")).willReturn(okJson(
        fixture("members-engineering.json").replace("114259384732598111002", "114259384732598111001"))));
    pull.clock.advance(Duration.ofMinutes(40));

    SyncRun next = pull.runToEnd(connectionId, pull.connections.syncNow(workspace, connectionId, false).id());

    assertThat(next.kind()).as("no incremental reads in Google's Directory API").isEqualTo(SyncKind.FULL);
    assertThat(next.counts()).isEqualTo(new SyncRun.Counts(0, 0, 1, 0));
    Map<String, JsonNode> people = pull.appUsersByEmail(workspace);
    assertThat(people.get(GRACE).get("active").asBoolean()).isFalse();
    assertThat(people.get(GRACE).get("seat").asBoolean()).isFalse();
    assertThat(tags(people.get(LIZ))).containsExactly("Group:Engineering");
  }

  @Test
  void aQuotaErrorIsRetriedAfterBackoffAndTheRunGoesOn() {
    google.stubFor(get(urlPathEqualTo(API + "/groups")).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("retried").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
            .withBody(fixture("error-user-rate-limit.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/groups")).inScenario("quota").whenScenarioStateIs("retried")
        .willReturn(okJson(fixture("groups.json"))));
    PullHarness pull = new PullHarness(directory, google.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull);

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(pull.waits).hasSize(1);
    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(tags(pull.appUsersByEmail(workspace).get(GRACE))).containsExactly("Group:Engineering");
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheRunGoesOn() {
    google.stubFor(get(urlPathEqualTo(API + "/users")).withQueryParam("pageToken", equalTo("Q0FFU0pRb0RZV1JoRWg1bmNtRmpaVUJsZUdGdGNHeGxMbU52YlE"))
        .inScenario("expiry").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("expired")
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(fixture("error-unauthenticated.json"))));
    google.stubFor(get(urlPathEqualTo(API + "/users")).withQueryParam("pageToken", equalTo("Q0FFU0pRb0RZV1JoRWg1bmNtRmpaVUJsZUdGdGNHeGxMbU52YlE"))
        .inScenario("expiry").whenScenarioStateIs("expired").willReturn(okJson(fixture("users-page-2.json"))));
    PullHarness pull = new PullHarness(directory, google.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull);

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    google.verify(2, postRequestedFor(urlPathEqualTo("/google/token")));
  }

  @Test
  void missingDelegationFailsTheRunInGooglesWords() {
    google.stubFor(post(urlPathEqualTo("/google/token")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(fixture("error-unauthorized-client.json"))));
    PullHarness pull = new PullHarness(directory, google.baseUrl());
    DirectorySyncConnections.PullConnection created = connect(pull);

    SyncRun run = pull.runToEnd(created.connection().id(), created.lastRun().id());

    assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
    assertThat(run.lastError()).startsWith("unauthorized_client: Client is unauthorized to retrieve access tokens");
    assertThat(pull.appUsersByEmail(workspace)).isEmpty();
  }

  private static String withoutUser(String page, String id) {
    try {
      JsonNode json = ScimJson.MAPPER.readTree(page);
      var users = (com.fasterxml.jackson.databind.node.ArrayNode) json.get("users");
      for (int i = users.size() - 1; i >= 0; i--) {
        if (users.get(i).path("id").asText().equals(id)) {
          users.remove(i);
        }
      }
      return json.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
