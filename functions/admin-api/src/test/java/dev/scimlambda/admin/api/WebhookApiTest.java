package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiResult;
import org.junit.jupiter.api.Test;

class WebhookApiTest extends AdminApiTestBase {

  private static String path(String workspace) {
    return "/admin/v1/workspaces/" + workspace + "/webhook";
  }

  private static ApiResult put(String workspace, String json) {
    return call("PUT", path(workspace), json);
  }

  @Test
  void settingAWebhookReturnsItsSigningSecretOnce() {
    String ws = newWorkspace();
    ApiResult created = put(ws, "{\"url\":\"https://hooks.example.com/scim\"}");
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("url").asText()).isEqualTo("https://hooks.example.com/scim");
    assertThat(created.json().get("enabled").asBoolean()).isTrue();
    // Standard Webhooks: whsec_ then 32 random bytes in standard base64.
    assertThat(created.json().get("signingSecret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=");

    JsonNode read = call("GET", path(ws)).json();
    assertThat(read.get("url").asText()).isEqualTo("https://hooks.example.com/scim");
    assertThat(read.has("signingSecret")).isFalse();
  }

  @Test
  void changingTheUrlOrSwitchingItOffKeepsTheSecretAndDoesNotShowIt() {
    String ws = newWorkspace();
    put(ws, "{\"url\":\"https://a.example.com\"}");
    JsonNode changed = put(ws, "{\"url\":\"https://b.example.com\",\"enabled\":false}").json();
    assertThat(changed.get("url").asText()).isEqualTo("https://b.example.com");
    assertThat(changed.get("enabled").asBoolean()).isFalse();
    assertThat(changed.has("signingSecret")).isFalse();
  }

  @Test
  void theSigningSecretIsNeverInTheTable() {
    String ws = newWorkspace();
    String secret = put(ws, "{\"url\":\"https://a.example.com\"}").json().get("signingSecret").asText();
    try (var dynamo = stack.database().client()) {
      assertThat(dynamo.scan(b -> b.tableName(stack.tableName())).items().toString()).doesNotContain(secret);
    }
  }

  @Test
  void deletingRemovesItAndSettingItAgainIssuesANewSecret() {
    String ws = newWorkspace();
    String first = put(ws, "{\"url\":\"https://a.example.com\"}").json().get("signingSecret").asText();
    assertThat(call("DELETE", path(ws)).status()).isEqualTo(204);
    assertThat(call("GET", path(ws)).status()).isEqualTo(404);
    assertThat(call("DELETE", path(ws)).status()).isEqualTo(404);
    String second = put(ws, "{\"url\":\"https://a.example.com\"}").json().get("signingSecret").asText();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void plainHttpIsAcceptedOnlyForThisMachine() {
    String ws = newWorkspace();
    assertThat(put(ws, "{\"url\":\"http://127.0.0.1:9000/hook\"}").status()).isEqualTo(200);
    assertThat(put(ws, "{\"url\":\"http://localhost:9000/hook\"}").status()).isEqualTo(200);
    ApiResult remote = put(ws, "{\"url\":\"http://hooks.example.com/hook\"}");
    assertThat(remote.status()).isEqualTo(400);
    assertThat(remote.json().get("error").get("field").asText()).isEqualTo("url");
  }

  @Test
  void malformedUrlsAre400NamingTheField() {
    String ws = newWorkspace();
    for (String url : new String[] {"not a url", "ftp://example.com", "https://", "https://user:pw@example.com/x",
        "/relative", "javascript:alert(1)"}) {
      ApiResult result = put(ws, "{\"url\":\"" + url + "\"}");
      assertThat(result.status()).as(url).isEqualTo(400);
      assertThat(result.json().get("error").get("field").asText()).as(url).isEqualTo("url");
    }
    assertThat(put(ws, "{\"enabled\":true}").status()).isEqualTo(400);
    assertThat(put(ws, "{\"url\":\"https://a.example.com\",\"enabled\":\"yes\"}").status()).isEqualTo(400);
  }

  @Test
  void anUnknownWorkspaceIs404() {
    assertThat(put("nope", "{\"url\":\"https://a.example.com\"}").status()).isEqualTo(404);
    assertThat(call("GET", path("nope")).status()).isEqualTo(404);
  }
}
