package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiResult;
import java.time.Duration;
import java.time.Instant;
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
  void rotatingShowsTheNewSecretOnceAndUntilWhenTheReplacedOneStillSigns() {
    String ws = newWorkspace();
    String first = put(ws, "{\"url\":\"https://a.example.com\"}").json().get("signingSecret").asText();
    Instant before = Instant.now();
    ApiResult rotated = call("POST", path(ws) + "/secret/rotate", "{\"overlapHours\":2}");

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.json().get("signingSecret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=").isNotEqualTo(first);
    Instant expires = Instant.parse(rotated.json().get("previousSecretExpiresAt").asText());
    assertThat(expires).isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));
    JsonNode read = call("GET", path(ws)).json();
    assertThat(read.get("previousSecretExpiresAt").asText()).isEqualTo(expires.toString());
    assertThat(read.has("signingSecret")).isFalse();
  }

  @Test
  void rotatingWithoutABodyKeepsTheReplacedSecretForADay() {
    String ws = newWorkspace();
    put(ws, "{\"url\":\"https://a.example.com\"}");
    Instant before = Instant.now();
    JsonNode rotated = call("POST", path(ws) + "/secret/rotate").json();
    assertThat(Instant.parse(rotated.get("previousSecretExpiresAt").asText()))
        .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
  }

  @Test
  void aWebhookWithoutAnOverlapRunningShowsNoPreviousSecret() {
    String ws = newWorkspace();
    put(ws, "{\"url\":\"https://a.example.com\"}");
    assertThat(call("GET", path(ws)).json().has("previousSecretExpiresAt")).isFalse();
    JsonNode rotated = call("POST", path(ws) + "/secret/rotate", "{\"overlapHours\":0}").json();
    assertThat(rotated.has("previousSecretExpiresAt")).isFalse();
    assertThat(call("GET", path(ws)).json().has("previousSecretExpiresAt")).isFalse();
  }

  @Test
  void anOverlapOutsideZeroToAWeekOrNotAWholeNumberIs400NamingTheField() {
    String ws = newWorkspace();
    put(ws, "{\"url\":\"https://a.example.com\"}");
    for (String overlap : new String[] {"-1", "169", "1.5", "\"24\"", "99999999999"}) {
      ApiResult result = call("POST", path(ws) + "/secret/rotate", "{\"overlapHours\":" + overlap + "}");
      assertThat(result.status()).as(overlap).isEqualTo(400);
      assertThat(result.json().get("error").get("field").asText()).as(overlap).isEqualTo("overlapHours");
    }
    assertThat(call("POST", path(ws) + "/secret/rotate", "{\"overlapHours\":").status()).isEqualTo(400);
  }

  @Test
  void rotatingWithoutAWebhookIs404() {
    assertThat(call("POST", path(newWorkspace()) + "/secret/rotate").status()).isEqualTo(404);
    assertThat(call("POST", path("nope") + "/secret/rotate").status()).isEqualTo(404);
  }

  @Test
  void anUnknownWorkspaceIs404() {
    assertThat(put("nope", "{\"url\":\"https://a.example.com\"}").status()).isEqualTo(404);
    assertThat(call("GET", path("nope")).status()).isEqualTo(404);
  }
}
