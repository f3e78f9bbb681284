package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionSetupApiTest extends AdminApiTestBase {

  private static JsonNode create(String ws, String type) {
    return call("POST", "/admin/v1/workspaces/" + ws + "/connections", "{\"name\":\"IdP\",\"type\":\"" + type + "\"}").json();
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void theSetupOfAConnectionHasItsOwnUrlAndSaysWhereTheSecretIsButNeverShowsIt(String type) {
    String ws = newWorkspace();
    JsonNode connection = create(ws, type);
    String id = connection.get("id").asText();
    ApiResult result = call("GET", "/admin/v1/workspaces/" + ws + "/connections/" + id + "/setup");

    assertThat(result.status()).isEqualTo(200);
    JsonNode setup = result.json();
    String url = TestStack.PUBLIC_BASE_URL + "/scim/v2/" + id;
    assertThat(setup.get("type").asText()).isEqualTo(type);
    assertThat(setup.get("scimBaseUrl").asText()).isEqualTo(url);
    assertThat(setup.get("steps").toString()).contains(url).contains("/connections/" + id + "/secret");
    assertThat(setup.get("secret").get("read").asText()).isEqualTo("GET /admin/v1/workspaces/" + ws + "/connections/" + id + "/secret");
    assertThat(setup.get("loginEmail").asText()).isNotBlank();
    assertThat(setup.get("deactivation").asText()).isNotBlank();
    assertThat(setup.get("deletion").asText()).isNotBlank();
    assertThat(setup.get("mapping").size()).isPositive();
    assertThat(setup.get("guide").asText()).isEqualTo("docs/idp/" + type + ".md");
    assertThat(result.bodyText()).doesNotContain(connection.get("bearerToken").asText());
  }

  @Test
  void oktaIsToldToPasteTheSecretIntoOAuthBearerToken() {
    String ws = newWorkspace();
    String id = create(ws, "okta").get("id").asText();
    JsonNode setup = call("GET", "/admin/v1/workspaces/" + ws + "/connections/" + id + "/setup").json();
    assertThat(setup.get("secret").get("field").asText()).isEqualTo("OAuth Bearer Token");
    assertThat(setup.get("baseUrlField").asText()).isEqualTo("SCIM 2.0 Base Url");
  }

  @Test
  void anUnknownConnectionIs404AndADeletedOne409() {
    String ws = newWorkspace();
    assertThat(call("GET", "/admin/v1/workspaces/" + ws + "/connections/nope/setup").status()).isEqualTo(404);
    String id = create(ws, "azure").get("id").asText();
    call("DELETE", "/admin/v1/workspaces/" + ws + "/connections/" + id);
    assertThat(call("GET", "/admin/v1/workspaces/" + ws + "/connections/" + id + "/setup").status()).isEqualTo(409);
  }
}
