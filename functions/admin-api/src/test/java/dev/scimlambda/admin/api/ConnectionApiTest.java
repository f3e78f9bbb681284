package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionApiTest extends AdminApiTestBase {

  private static JsonNode createConnection(String workspace) {
    return call("POST", "/admin/v1/workspaces/" + workspace + "/connections", "{\"name\":\"Okta prod\",\"type\":\"okta\"}")
        .json();
  }

  private static String path(String workspace, String connectionId) {
    return "/admin/v1/workspaces/" + workspace + "/connections/" + connectionId;
  }

  @Test
  void creatingAConnectionReturnsItsScimBaseUrlAndSecret() {
    String ws = newWorkspace();
    ApiResult result =
        call("POST", "/admin/v1/workspaces/" + ws + "/connections", "{\"name\":\"Okta prod\",\"type\":\"okta\"}");
    assertThat(result.status()).isEqualTo(201);
    JsonNode connection = result.json();
    String id = connection.get("id").asText();
    assertThat(connection.get("name").asText()).isEqualTo("Okta prod");
    assertThat(connection.get("type").asText()).isEqualTo("okta");
    assertThat(connection.get("scimBaseUrl").asText()).isEqualTo(TestStack.PUBLIC_BASE_URL + "/scim/v2/" + id);
    assertThat(connection.get("createdAt").asText()).isNotEmpty();
    assertThat(result.header("Location")).isEqualTo(path(ws, id));
  }

  @Test
  void theSecretCarriesAtLeast256RandomBits() {
    String token = createConnection(newWorkspace()).get("bearerToken").asText();
    assertThat(token).startsWith("scim_");
    // 32 bytes of base64url without padding are 43 characters.
    assertThat(token.substring("scim_".length())).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void everyIdpTypeIsAccepted() {
    String ws = newWorkspace();
    for (String type : new String[] {"okta", "azure", "onelogin", "jumpcloud", "generic"}) {
      ApiResult result =
          call("POST", "/admin/v1/workspaces/" + ws + "/connections", "{\"name\":\"c\",\"type\":\"" + type + "\"}");
      assertThat(result.status()).as(type).isEqualTo(201);
    }
  }

  @Test
  void anUnknownTypeIs400NamingTheField() {
    ApiResult result =
        call("POST", "/admin/v1/workspaces/" + newWorkspace() + "/connections", "{\"name\":\"c\",\"type\":\"ldap\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("type");
  }

  @Test
  void aMissingNameIs400NamingTheField() {
    ApiResult result = call("POST", "/admin/v1/workspaces/" + newWorkspace() + "/connections", "{\"type\":\"okta\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("name");
  }

  @Test
  void aConnectionInAnUnknownWorkspaceIs404() {
    ApiResult result = call("POST", "/admin/v1/workspaces/nope/connections", "{\"name\":\"c\",\"type\":\"okta\"}");
    assertThat(result.status()).isEqualTo(404);
  }

  @Test
  void viewingDetailsShowsTheConnectionButNotTheSecret() {
    String ws = newWorkspace();
    JsonNode created = createConnection(ws);
    JsonNode details = call("GET", path(ws, created.get("id").asText())).json();
    assertThat(details.get("scimBaseUrl").asText()).isEqualTo(created.get("scimBaseUrl").asText());
    assertThat(details.get("status").asText()).isEqualTo("active");
    assertThat(details.get("lastRequestAt").isNull()).isTrue();
    assertThat(details.has("bearerToken")).isFalse();
  }

  @Test
  void theSecretIsShownAgainOnlyThroughItsOwnRoute() {
    String ws = newWorkspace();
    JsonNode created = createConnection(ws);
    JsonNode secret = call("GET", path(ws, created.get("id").asText()) + "/secret").json();
    assertThat(secret.get("bearerToken").asText()).isEqualTo(created.get("bearerToken").asText());
  }

  @Test
  void theListShowsEveryConnectionOfTheWorkspaceWithoutSecrets() {
    String ws = newWorkspace();
    String first = createConnection(ws).get("id").asText();
    String second = createConnection(ws).get("id").asText();
    JsonNode list = call("GET", "/admin/v1/workspaces/" + ws + "/connections").json().get("connections");
    assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrder(first, second);
    assertThat(list.findValues("bearerToken")).isEmpty();
  }

  @Test
  void aConnectionOfAnotherWorkspaceIs404() {
    String id = createConnection(newWorkspace()).get("id").asText();
    assertThat(call("GET", path(newWorkspace(), id)).status()).isEqualTo(404);
  }

  @Test
  void rotationIssuesANewSecretAndKeepsTheOldOneForTheDefaultGracePeriod() {
    String ws = newWorkspace();
    JsonNode created = createConnection(ws);
    String id = created.get("id").asText();
    JsonNode rotated = call("POST", path(ws, id) + "/rotate-secret").json();
    assertThat(rotated.get("bearerToken").asText()).isNotEqualTo(created.get("bearerToken").asText());
    Instant until = Instant.parse(rotated.get("previousSecretValidUntil").asText());
    assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
    assertThat(call("GET", path(ws, id) + "/secret").json().get("bearerToken").asText())
        .isEqualTo(rotated.get("bearerToken").asText());
  }

  @Test
  void rotationTakesAGracePeriod() {
    String ws = newWorkspace();
    String id = createConnection(ws).get("id").asText();
    JsonNode rotated = call("POST", path(ws, id) + "/rotate-secret?gracePeriod=PT1H").json();
    Instant until = Instant.parse(rotated.get("previousSecretValidUntil").asText());
    assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
  }

  @Test
  void aGracePeriodLongerThanAWeekIs400NamingTheField() {
    String ws = newWorkspace();
    String id = createConnection(ws).get("id").asText();
    ApiResult result = call("POST", path(ws, id) + "/rotate-secret?gracePeriod=P30D");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("gracePeriod");
  }

  @Test
  void deletingAConnectionAnswers204AndKeepsItVisibleAsDeleted() {
    String ws = newWorkspace();
    String id = createConnection(ws).get("id").asText();
    assertThat(call("DELETE", path(ws, id)).status()).isEqualTo(204);
    JsonNode details = call("GET", path(ws, id)).json();
    assertThat(details.get("status").asText()).isEqualTo("deleted");
    assertThat(details.get("deletedAt").isNull()).isFalse();
  }

  @Test
  void aDeletedConnectionsSecretCanNeitherBeShownNorRotated() {
    String ws = newWorkspace();
    String id = createConnection(ws).get("id").asText();
    call("DELETE", path(ws, id));
    assertThat(call("GET", path(ws, id) + "/secret").status()).isEqualTo(409);
    assertThat(call("POST", path(ws, id) + "/rotate-secret").status()).isEqualTo(409);
  }
}
