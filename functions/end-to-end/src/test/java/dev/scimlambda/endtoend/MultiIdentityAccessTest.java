package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One person, several identities (AccessRule): the SCIM connections that manage a person are
 * authoritative, a deactivation by any of them revokes access, and an SSO sign-up never re-grants it.
 */
class MultiIdentityAccessTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";
  private static final String ADA = "ada@example.com";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());
  private String ws;
  private IssuedConnection okta;

  @BeforeEach
  void workspace() {
    ws = directory.newWorkspace(null);
    okta = directory.newConnection(ws);
  }

  private void setActive(IssuedConnection connection, String userId, boolean active) {
    assertThat(directory.scim(connection, "PATCH", "/Users/" + userId,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}").status())
        .isEqualTo(200);
  }

  private JsonNode check(Instant issuedAt) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check",
        "{\"email\":\"" + ADA + "\",\"issuedAt\":\"" + issuedAt + "\"}").json();
  }

  private long seatsUsed() {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats").get("used").asLong();
  }

  @Test
  void aDeactivationByEitherOfTwoConnectionsRevokesAccessThoughTheOtherStillHasThePersonActive() {
    IssuedConnection azure = directory.newConnection(ws, "azure");
    String inOkta = directory.createUser(okta, ADA);
    directory.createUser(azure, ADA);
    assertThat(check(Instant.now()).get("valid").asBoolean()).isTrue();

    setActive(okta, inOkta, false);

    JsonNode answer = check(Instant.now());
    assertThat(answer.get("valid").asBoolean()).isFalse();
    assertThat(answer.get("reason").asText()).isEqualTo("deactivated");
    assertThat(seatsUsed()).isZero();
  }

  @Test
  void theDeactivatingConnectionReactivatingThePersonGivesAccessBack() {
    IssuedConnection azure = directory.newConnection(ws, "azure");
    String inOkta = directory.createUser(okta, ADA);
    directory.createUser(azure, ADA);
    setActive(okta, inOkta, false);

    setActive(okta, inOkta, true);

    assertThat(check(Instant.now().plusSeconds(1)).get("valid").asBoolean()).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
  }

  @Test
  void anSsoSignUpDoesNotReGrantAccessToSomeoneTheIdpDeactivated() {
    String inOkta = directory.createUser(okta, ADA);
    setActive(okta, inOkta, false);

    var registered = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users",
        "{\"email\":\"" + ADA + "\",\"source\":\"sso\"}");

    assertThat(registered.status()).isEqualTo(200);
    assertThat(check(Instant.now().plusSeconds(1)).get("reason").asText()).isEqualTo("deactivated");
    assertThat(seatsUsed()).isZero();
  }

  @Test
  void anSsoSignUpBeforeProvisioningLeavesTheIdpInChargeOnceItDeactivates() {
    directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"" + ADA + "\",\"source\":\"sso\"}");
    String inOkta = directory.createUser(okta, ADA);

    setActive(okta, inOkta, false);

    assertThat(check(Instant.now().plusSeconds(1)).get("reason").asText()).isEqualTo("deactivated");
  }

  @Test
  void aPersonWithOnlyAnSsoIdentityHasAccess() {
    directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"" + ADA + "\",\"source\":\"sso\"}");

    assertThat(check(Instant.now()).get("valid").asBoolean()).isTrue();
  }
}
