package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting a connection deprovisions its people unless told not to; the admin can remove one person. */
class DeprovisioningTest {

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

  private JsonNode check(String email, Instant issuedAt) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check",
        "{\"email\":\"" + email + "\",\"issuedAt\":\"" + issuedAt + "\"}").json();
  }

  private long seatsUsed() {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats").get("used").asLong();
  }

  private int deleteConnection(IssuedConnection connection, String query) {
    return directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/connections/" + connection.connection().id()
        + query).status();
  }

  private int getPerson(String id) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users/" + id).status();
  }

  @Test
  void deletingAConnectionReleasesItsPeoplesSeatsAndInvalidatesTheirSessions() {
    String ada = directory.createUser(okta, ADA);
    directory.createUser(okta, "grace@example.com");
    Instant issued = Instant.now();
    assertThat(seatsUsed()).isEqualTo(2);

    assertThat(deleteConnection(okta, "")).isEqualTo(204);

    assertThat(seatsUsed()).isZero();
    assertThat(check(ADA, issued).get("valid").asBoolean()).isFalse();
    assertThat(check("grace@example.com", issued).get("valid").asBoolean()).isFalse();
    directory.converge();
    assertThat(getPerson(ada)).isEqualTo(404);
  }

  @Test
  void deletingAConnectionRefusesItsTokenAtOnce() {
    directory.createUser(okta, ADA);

    deleteConnection(okta, "");

    assertThat(directory.scim(okta, "GET", "/Users", null).status()).isEqualTo(401);
  }

  @Test
  void aPersonAnotherConnectionStillManagesKeepsAccessWhenOneConnectionIsDeleted() {
    IssuedConnection azure = directory.newConnection(ws, "azure");
    String ada = directory.createUser(okta, ADA);
    directory.createUser(azure, ADA);

    deleteConnection(okta, "");

    assertThat(check(ADA, Instant.now()).get("valid").asBoolean()).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
    assertThat(directory.appUser(ws, ada).toString()).doesNotContain(okta.connection().id());
  }

  @Test
  void deletingAConnectionWithDeprovisionFalseKeepsItsPeopleAndTheirSeats() {
    String ada = directory.createUser(okta, ADA);

    assertThat(deleteConnection(okta, "?deprovision=false")).isEqualTo(204);

    assertThat(directory.scim(okta, "GET", "/Users", null).status()).isEqualTo(401);
    assertThat(check(ADA, Instant.now()).get("valid").asBoolean()).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
    directory.converge();
    assertThat(getPerson(ada)).isEqualTo(200);
  }

  @Test
  void aDeprovisionOptionOtherThanTrueOrFalseIsRefusedBeforeAnythingChanges() {
    directory.createUser(okta, ADA);

    assertThat(deleteConnection(okta, "?deprovision=maybe")).isEqualTo(400);

    assertThat(directory.scim(okta, "GET", "/Users", null).status()).isEqualTo(200);
  }

  @Test
  void removingAPersonFreesTheSeatInvalidatesSessionsAndForgetsThem() {
    String ada = directory.createUser(okta, ADA);
    Instant issued = Instant.now();

    assertThat(directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/users/" + ada).status()).isEqualTo(204);

    assertThat(seatsUsed()).isZero();
    assertThat(check(ADA, issued).get("valid").asBoolean()).isFalse();
    assertThat(getPerson(ada)).isEqualTo(404);
    directory.converge();
    assertThat(getPerson(ada)).isEqualTo(404);
    assertThat(directory.scim(okta, "GET", "/Users/" + ada, null).status()).isEqualTo(404);
  }

  @Test
  void removingAPersonWithAnSsoRegistrationAndTwoIdentitiesRemovesThemAll() {
    IssuedConnection azure = directory.newConnection(ws, "azure");
    directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"" + ADA + "\",\"source\":\"sso\"}");
    directory.createUser(okta, ADA);
    String inAzure = directory.createUser(azure, ADA);
    String id = directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users?email=" + ADA).json()
        .get("users").get(0).get("id").asText();

    assertThat(directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/users/" + id).status()).isEqualTo(204);

    assertThat(seatsUsed()).isZero();
    assertThat(check(ADA, Instant.now()).get("reason").asText()).isEqualTo("unknown_user");
    assertThat(directory.scim(azure, "GET", "/Users/" + inAzure, null).status()).isEqualTo(404);
  }

  @Test
  void removingAnUnknownPersonAnswers404() {
    assertThat(directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/users/nobody").status()).isEqualTo(404);
  }

  @Test
  void anIdpStillProvisioningARemovedPersonGets404OnItsNextUpdateAndCreatesThemAgain() {
    String ada = directory.createUser(okta, ADA);
    directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/users/" + ada);

    assertThat(directory.scim(okta, "PUT", "/Users/" + ada, DirectoryHarness.userJson(ADA)).status()).isEqualTo(404);
    directory.createUser(okta, ADA);

    assertThat(check(ADA, Instant.now()).get("valid").asBoolean()).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
  }
}
