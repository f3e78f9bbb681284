package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The host app asks whether a session may still be used; deprovisioning answers "no" on the next request. */
class SessionCheckTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());
  private String ws;
  private IssuedConnection okta;
  private String ada;

  @BeforeEach
  void provisionAda() {
    ws = directory.newWorkspace(null);
    okta = directory.newConnection(ws);
    directory.createUser(okta, "ada@example.com");
    ada = directory.scim(okta, "GET", "/Users?filter=" + java.net.URLEncoder.encode("userName eq \"ada@example.com\"",
        java.nio.charset.StandardCharsets.UTF_8), null).json().get("Resources").get(0).get("id").asText();
  }

  private JsonNode check(String who, Instant issuedAt) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check",
        "{" + who + ",\"issuedAt\":\"" + issuedAt + "\"}").json();
  }

  private JsonNode checkByEmail(Instant issuedAt) {
    return check("\"email\":\"ADA@example.com\"", issuedAt);
  }

  private void setActive(boolean active) {
    directory.scim(okta, "PATCH", "/Users/" + ada,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}");
  }

  @Test
  void aFreshSessionOfAnActiveUserIsValid() {
    JsonNode answer = checkByEmail(Instant.now());
    assertThat(answer.get("valid").asBoolean()).isTrue();
    assertThat(answer.get("reason").asText()).isEqualTo("valid");
  }

  @Test
  void theUserCanBeNamedByAppUserId() {
    String id = directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users").json().get("users").get(0).get("id").asText();
    assertThat(check("\"userId\":\"" + id + "\"", Instant.now()).get("valid").asBoolean()).isTrue();
  }

  @Test
  void deactivationInvalidatesTheSessionOnTheVeryNextCheck() {
    Instant issued = Instant.now();
    setActive(false);
    JsonNode answer = checkByEmail(issued);
    assertThat(answer.get("valid").asBoolean()).isFalse();
    assertThat(answer.get("reason").asText()).isEqualTo("deactivated");
  }

  @Test
  void aSessionIssuedBeforeTheLastDeprovisioningStaysInvalidAfterReactivation() {
    Instant issued = Instant.now().minusSeconds(5);
    setActive(false);
    setActive(true);
    assertThat(checkByEmail(issued).get("reason").asText()).isEqualTo("deprovisioned_since_issued");
    assertThat(checkByEmail(Instant.now()).get("valid").asBoolean()).isTrue();
  }

  @Test
  void forcedReauthenticationInvalidatesEarlierSessionsOnly() {
    Instant before = Instant.now().minusSeconds(5);
    assertThat(directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/revoke", "{}").status()).isEqualTo(200);
    assertThat(checkByEmail(before).get("reason").asText()).isEqualTo("reauthentication_required");
    assertThat(checkByEmail(Instant.now().plusSeconds(1)).get("valid").asBoolean()).isTrue();
  }

  @Test
  void aSessionOlderThanTheSessionDurationHasExpired() {
    directory.admin("PATCH", "/admin/v1/workspaces/" + ws, "{\"sessionDuration\":\"PT1H\"}");
    assertThat(checkByEmail(Instant.now().minus(Duration.ofHours(2))).get("reason").asText()).isEqualTo("expired");
  }

  @Test
  void aDeletedUsersSessionIsInvalid() {
    Instant issued = Instant.now();
    directory.scim(okta, "DELETE", "/Users/" + ada, null);
    assertThat(checkByEmail(issued).get("valid").asBoolean()).isFalse();
  }

  @Test
  void anUnknownUserHasNoValidSession() {
    assertThat(check("\"email\":\"nobody@example.com\"", Instant.now()).get("reason").asText()).isEqualTo("unknown_user");
  }

  @Test
  void aCheckWithoutIssuedAtIsRejectedNamingTheField() {
    var rejected = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check", "{\"email\":\"ada@example.com\"}");
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.bodyText()).contains("issuedAt");
  }
}
