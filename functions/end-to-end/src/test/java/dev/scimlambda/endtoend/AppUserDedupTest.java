package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person is one app user, however many ways they arrive: SSO sign-in, one or more IdP connections. */
class AppUserDedupTest {

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());
  private String ws;

  @BeforeEach
  void workspace() {
    ws = directory.newWorkspace(null);
  }

  private static String userWithEmail(String userName, String email) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
        + "\",\"emails\":[{\"value\":\"" + email + "\",\"type\":\"work\",\"primary\":true}]}";
  }

  private ApiResult registerSso(String email) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users",
        "{\"email\":\"" + email + "\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"source\":\"sso\"}");
  }

  private List<JsonNode> appUsers() {
    List<JsonNode> users = new ArrayList<>();
    directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users?limit=200").json().get("users").forEach(users::add);
    return users;
  }

  private static List<String> sourceTypes(JsonNode user) {
    List<String> types = new ArrayList<>();
    user.get("sources").forEach(s -> types.add(s.get("type").asText()));
    return types;
  }

  @Test
  void aProvisionedUserWhoAlreadySignedInThroughSsoIsLinkedNotDuplicated() {
    String appUserId = registerSso("Ada@Example.com ").json().get("id").asText();
    IssuedConnection okta = directory.newConnection(ws);
    assertThat(directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.COM")).status()).isEqualTo(201);

    List<JsonNode> users = appUsers();
    assertThat(users).hasSize(1);
    assertThat(users.get(0).get("id").asText()).isEqualTo(appUserId);
    assertThat(sourceTypes(users.get(0))).containsExactlyInAnyOrder("sso", "scim");
  }

  @Test
  void theUserNameCountsAsTheEmailWhenTheUserHasNoEmails() {
    registerSso("grace@example.com");
    IssuedConnection okta = directory.newConnection(ws);
    directory.createUser(okta, "Grace@example.com");
    assertThat(appUsers()).hasSize(1);
  }

  @Test
  void differentEmailsStayTwoAccounts() {
    registerSso("ada@example.com");
    IssuedConnection okta = directory.newConnection(ws);
    directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada.lovelace@example.com"));
    assertThat(appUsers()).hasSize(2);
  }

  @Test
  void twoConnectionsPushingTheSameEmailLinkToOnePerson() {
    IssuedConnection okta = directory.newConnection(ws);
    IssuedConnection entra = directory.newConnection(ws);
    directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.com"));
    directory.scim(entra, "POST", "/Users", userWithEmail("ada.lovelace", "ada@example.com"));
    List<JsonNode> users = appUsers();
    assertThat(users).hasSize(1);
    assertThat(sourceTypes(users.get(0))).containsExactly("scim", "scim");
  }

  @Test
  void concurrentProvisionsOfOneEmailNeverMakeTwoAccounts() {
    IssuedConnection okta = directory.newConnection(ws);
    ExecutorService idp = Executors.newFixedThreadPool(10);
    try {
      List<CompletableFuture<Integer>> creates = IntStream.range(0, 20)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> directory.scim(okta, "POST", "/Users",
              userWithEmail("ada" + i, "ada@example.com")).status(), idp))
          .toList();
      assertThat(creates.stream().map(CompletableFuture::join)).containsOnly(201);
    } finally {
      idp.shutdown();
    }
    List<JsonNode> users = appUsers();
    assertThat(users).hasSize(1);
    assertThat(users.get(0).get("sources")).hasSize(20);
  }

  @Test
  void registeringAnEmailAnIdpProvisionedReturnsThatPerson() {
    IssuedConnection okta = directory.newConnection(ws);
    directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.com"));
    ApiResult registered = registerSso("ada@example.com");
    assertThat(registered.status()).isEqualTo(200);
    assertThat(sourceTypes(registered.json())).containsExactlyInAnyOrder("sso", "scim");
    assertThat(appUsers()).hasSize(1);
  }

  @Test
  void anEmailChangeMovesTheEmailToTheNewAddress() {
    IssuedConnection okta = directory.newConnection(ws);
    String id = directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.com")).json().get("id").asText();
    ApiResult changed = directory.scim(okta, "PATCH", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
            + "\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"ada@lovelace.example\"}]}");
    assertThat(changed.status()).isEqualTo(200);

    assertThat(registerSso("ada@lovelace.example").status()).isEqualTo(200);
    assertThat(registerSso("ada@example.com").status()).isEqualTo(201);
  }

  @Test
  void changingToAnEmailAnotherPersonHoldsIsAUniquenessConflict() {
    registerSso("grace@example.com");
    IssuedConnection okta = directory.newConnection(ws);
    String id = directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.com")).json().get("id").asText();
    ApiResult changed = directory.scim(okta, "PATCH", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
            + "\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"Grace@example.com\"}]}");
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.json().get("scimType").asText()).isEqualTo("uniqueness");
    assertThat(appUsers()).hasSize(2);
  }

  @Test
  void aRegistrationWithoutAnEmailAddressIsRejectedNamingTheField() {
    ApiResult rejected = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"ada\"}");
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.bodyText()).contains("email");
  }

  @Test
  void deletingTheOnlyIdentityOfAProvisionedPersonRemovesThePerson() {
    IssuedConnection okta = directory.newConnection(ws);
    String id = directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.com")).json().get("id").asText();
    directory.converge();
    assertThat(directory.scim(okta, "DELETE", "/Users/" + id, null).status()).isEqualTo(204);
    directory.converge();
    assertThat(appUsers()).isEmpty();
    assertThat(registerSso("ada@example.com").status()).isEqualTo(201);
  }

  @Test
  void aPersonRegisteredThroughSsoStaysWhenTheirProvisionedIdentityIsDeletedButLosesAccess() {
    registerSso("ada@example.com");
    IssuedConnection okta = directory.newConnection(ws);
    String id = directory.scim(okta, "POST", "/Users", userWithEmail("ada", "ada@example.com")).json().get("id").asText();
    directory.scim(okta, "DELETE", "/Users/" + id, null);
    directory.converge();
    List<JsonNode> users = appUsers();
    assertThat(users).hasSize(1);
    assertThat(users.get(0).get("active").asBoolean()).isFalse();
    assertThat(users.get(0).get("seat").asBoolean()).isFalse();
  }
}
