package dev.scimlambda.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.ApiResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API of pull connections (docs/directory-sync.md) on a stack without a sync queue, so
 * runs go on in process as in the embedded stack, against a stub of Microsoft Graph.
 */
class DirectorySyncAdminApiTest {

  private static final WireMockServer GRAPH = started();
  private static final String CREDENTIALS =
      "{\"tenantId\":\"contoso.onmicrosoft.com\",\"clientId\":\"11111111-2222-3333-4444-555555555555\","
          + "\"clientSecret\":\"stub-client-secret\"}";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of(
      Setting.SYNC_GRAPH_LOGIN_URL.property(), GRAPH.baseUrl() + "/login",
      Setting.SYNC_GRAPH_API_URL.property(), GRAPH.baseUrl() + "/v1.0"));

  private String workspace;

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return server;
  }

  @AfterAll
  static void stopGraph() {
    GRAPH.stop();
  }

  @BeforeEach
  void stubGraph() {
    workspace = directory.newWorkspace(null);
    GRAPH.stubFor(post(urlPathEqualTo("/login/contoso.onmicrosoft.com/oauth2/v2.0/token"))
        .willReturn(okJson(fixture("token.json"))));
    GRAPH.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent())
        .willReturn(okJson(fixture("users-delta-1.json"))));
    GRAPH.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
        .willReturn(okJson(fixture("users-delta-2.json"))));
    GRAPH.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).willReturn(okJson(fixture("groups-delta-1.json"))));
    GRAPH.stubFor(get(urlPathEqualTo("/v1.0/groups")).willReturn(okJson("""
        {"value": [{"id": "02bd9fd6-8f93-4758-87c3-1fb73740a315", "displayName": "Engineering"}]}""")));
  }

  private static String fixture(String name) {
    try (InputStream in = DirectorySyncAdminApiTest.class.getResourceAsStream("/directorysync/graph/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", GRAPH.baseUrl());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String connections() {
    return "/admin/v1/workspaces/" + workspace + "/connections";
  }

  private JsonNode createGraphConnection() {
    ApiResult created = directory.admin("POST", connections(), "{\"name\":\"Contoso\",\"type\":\"microsoft_graph\","
        + "\"credentials\":" + CREDENTIALS + ",\"groups\":\"all\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** Polls the run until it ended, as the console does. */
  private JsonNode ended(String connectionId, String runId) {
    for (int poll = 0; poll < 300; poll++) {
      JsonNode run = directory.admin("GET", connections() + "/" + connectionId + "/sync-runs/" + runId).json();
      if (!run.get("status").asText().equals("running")) {
        return run;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("run " + runId + " did not end");
  }

  @Test
  void aPullConnectionIsCreatedWithItsCredentialsWhichAreNeverShownAgain() {
    JsonNode connection = createGraphConnection();

    assertThat(connection.get("type").asText()).isEqualTo("microsoft_graph");
    assertThat(connection.get("mode").asText()).isEqualTo("pull");
    assertThat(connection.has("scimBaseUrl")).isFalse();
    assertThat(connection.has("bearerToken")).isFalse();
    assertThat(connection.at("/directorySync/groups").asText()).isEqualTo("all");
    assertThat(connection.at("/directorySync/syncInterval").asText()).isEqualTo("PT40M");
    assertThat(connection.at("/directorySync/lastRun/kind").asText()).isEqualTo("full");
    assertThat(connection.at("/directorySync/lastRun/trigger").asText()).isEqualTo("created");
    String id = connection.get("id").asText();
    assertThat(directory.admin("GET", connections() + "/" + id).bodyText()).doesNotContain("stub-client-secret");
    assertThat(directory.admin("GET", connections() + "/" + id + "/secret").status()).isEqualTo(409);
  }

  @Test
  void theFirstRunProvisionsTheDirectoryAndItsOutcomeIsInTheRunHistory() {
    JsonNode connection = createGraphConnection();
    String id = connection.get("id").asText();

    JsonNode run = ended(id, connection.at("/directorySync/lastRun/id").asText());

    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.get("added").asLong()).isEqualTo(3);
    assertThat(run.get("finishedAt").isNull()).isFalse();
    directory.converge();
    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + workspace + "/users").json().get("users"))
        .hasSize(3);
  }

  @Test
  void syncNowStartsARunListedFirstInTheHistory() {
    JsonNode connection = createGraphConnection();
    String id = connection.get("id").asText();
    ended(id, connection.at("/directorySync/lastRun/id").asText());

    ApiResult started = directory.admin("POST", connections() + "/" + id + "/sync?kind=full", "{}");

    assertThat(started.status()).isEqualTo(202);
    String runId = started.json().get("id").asText();
    assertThat(started.header("Location")).endsWith("/sync-runs/" + runId);
    assertThat(ended(id, runId).get("status").asText()).isEqualTo("succeeded");
    JsonNode history = directory.admin("GET", connections() + "/" + id + "/sync-runs?limit=1").json();
    assertThat(history.get("runs")).hasSize(1);
    assertThat(history.at("/runs/0/id").asText()).isEqualTo(runId);
    assertThat(history.get("nextCursor").isNull()).isFalse();
  }

  @Test
  void theRunHistoryWithoutALimitIsItsFirstPage() {
    JsonNode connection = createGraphConnection();
    String id = connection.get("id").asText();

    ApiResult history = directory.admin("GET", connections() + "/" + id + "/sync-runs");

    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.json().at("/runs/0/id").asText()).isEqualTo(connection.at("/directorySync/lastRun/id").asText());
    assertThat(history.json().get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aRunHistoryLimitOutside1To100IsRefusedNamingIt() {
    String id = createGraphConnection().get("id").asText();

    for (String limit : List.of("0", "101", "many")) {
      ApiResult refused = directory.admin("GET", connections() + "/" + id + "/sync-runs?limit=" + limit);
      assertThat(refused.status()).as(limit).isEqualTo(400);
      assertThat(refused.json().at("/error/field").asText()).as(limit).isEqualTo("limit");
    }
  }

  @Test
  void replacedCredentialsAreUsedByTheNextRunAndStayHidden() {
    JsonNode connection = createGraphConnection();
    String id = connection.get("id").asText();

    ApiResult replaced = directory.admin("PUT", connections() + "/" + id + "/credentials",
        CREDENTIALS.replace("stub-client-secret", "new-client-secret"));

    assertThat(replaced.status()).isEqualTo(204);
    assertThat(directory.admin("GET", connections() + "/" + id).json().at("/directorySync/credentialsUpdatedAt")
        .isMissingNode()).isFalse();
  }

  @Test
  void missingCredentialFieldsAreRefusedNamingTheField() {
    ApiResult refused = directory.admin("POST", connections(), "{\"name\":\"Contoso\",\"type\":\"microsoft_graph\","
        + "\"credentials\":{\"tenantId\":\"t\",\"clientId\":\"c\"}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().at("/error/field").asText()).isEqualTo("clientSecret");
  }

  @Test
  void aGroupSelectionAndIntervalCanBeChanged() {
    String id = createGraphConnection().get("id").asText();

    ApiResult changed = directory.admin("PUT", connections() + "/" + id + "/directory-sync",
        "{\"groups\":[\"02bd9fd6-8f93-4758-87c3-1fb73740a315\"],\"syncInterval\":\"PT1H\"}");

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("groups")).extracting(JsonNode::asText)
        .containsExactly("02bd9fd6-8f93-4758-87c3-1fb73740a315");
    assertThat(changed.json().get("syncInterval").asText()).isEqualTo("PT1H");
  }

  @Test
  void theDirectorysGroupsAreListedToChooseFrom() {
    String id = createGraphConnection().get("id").asText();

    JsonNode groups = directory.admin("GET", connections() + "/" + id + "/directory-groups?search=Eng").json();

    assertThat(groups.get("groups")).hasSize(1);
    assertThat(groups.at("/groups/0/displayName").asText()).isEqualTo("Engineering");
  }

  @Test
  void aScimConnectionHasNoDirectorySyncRoutes() {
    String scim = directory.newConnection(workspace).connection().id();

    assertThat(directory.admin("POST", connections() + "/" + scim + "/sync", "{}").status()).isEqualTo(409);
    assertThat(List.of(directory.admin("GET", connections() + "/" + scim).json().get("mode").asText()))
        .containsExactly("push");
  }
}
