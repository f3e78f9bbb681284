package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class UsersEndpointTest extends ScimTestConnections {

  private static final String BJENSEN = """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
       "userName":"bjensen@example.com","externalId":"701984","password":"t1meMa$heen",
       "name":{"givenName":"Barbara","familyName":"Jensen"},"displayName":"Babs Jensen","active":true,
       "emails":[{"value":"bjensen@example.com","type":"work","primary":true}],
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Tour Operations","employeeNumber":"701984"}}
      """;

  private static ApiCall to(IssuedConnection connection, String method, String path) {
    return ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken());
  }

  @Test
  void createAnswers201WithLocationETagAndMeta() {
    IssuedConnection connection = newConnection();
    ApiResult created = call(connection, "POST", "/Users", BJENSEN);
    assertThat(created.status()).isEqualTo(201);
    JsonNode user = created.json();
    String location = TestStack.PUBLIC_BASE_URL + "/scim/v2/" + connection.connection().id() + "/Users/" + user.get("id").asText();
    assertThat(created.header("Location")).isEqualTo(location);
    assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(user.get("meta").get("resourceType").asText()).isEqualTo("User");
    assertThat(user.get("meta").get("location").asText()).isEqualTo(location);
    assertThat(user.get("meta").get("version").asText()).isEqualTo("W/\"1\"");
    assertThat(user.get("meta").get("created").asText()).isEqualTo(user.get("meta").get("lastModified").asText());
  }

  @Test
  void aCreatedUserReadsBackWithItsExtensionAndWithoutThePassword() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    JsonNode user = call(connection, "GET", "/Users/" + id, null).json();
    assertThat(user.get("userName").asText()).isEqualTo("bjensen@example.com");
    assertThat(user.get("externalId").asText()).isEqualTo("701984");
    assertThat(user.get("name").get("givenName").asText()).isEqualTo("Barbara");
    assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("department").asText())
        .isEqualTo("Tour Operations");
    assertThat(user.has("password")).isFalse();
  }

  @Test
  void unknownExtensionAttributesAreKeptAndReturned() {
    IssuedConnection connection = newConnection();
    String json = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:example:acme:2.0:User"],
         "userName":"ada","urn:example:acme:2.0:User":{"badge":"A-17","floors":[3,4]}}""";
    String id = createUser(connection, json);
    JsonNode custom = call(connection, "GET", "/Users/" + id, null).json().get("urn:example:acme:2.0:User");
    assertThat(custom.get("badge").asText()).isEqualTo("A-17");
    assertThat(custom.get("floors")).hasSize(2);
  }

  @Test
  void aUserWithoutUserNameIs400InvalidValue() {
    ApiResult result = call(newConnection(), "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidValue");
  }

  @Test
  void aUserNameTakenInAnotherCaseIs409Uniqueness() {
    IssuedConnection connection = newConnection();
    createUser(connection, userJson("Ada@Example.com"));
    ApiResult again = call(connection, "POST", "/Users", userJson("ada@example.COM"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("scimType").asText()).isEqualTo("uniqueness");
  }

  @Test
  void aTakenExternalIdIs409Uniqueness() {
    IssuedConnection connection = newConnection();
    createUser(connection, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"externalId\":\"x1\"}");
    ApiResult again = call(connection, "POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"b\",\"externalId\":\"x1\"}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void theSameUserNameMayExistInTwoConnections() {
    createUser(newConnection(), userJson("ada"));
    assertThat(call(newConnection(), "POST", "/Users", userJson("ada")).status()).isEqualTo(201);
  }

  @Test
  void anotherConnectionsUserIs404() {
    String id = createUser(newConnection(), userJson("ada"));
    ApiResult result = call(newConnection(), "GET", "/Users/" + id, null);
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.json().get("status").asText()).isEqualTo("404");
  }

  @Test
  void putReplacesTheUserAndIgnoresReadOnlyAttributes() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    ApiResult replaced = call(connection, "PUT", "/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"forged","userName":"bjensen@example.com",
         "meta":{"created":"2000-01-01T00:00:00Z"},"displayName":"Barbara J"}""");
    assertThat(replaced.status()).isEqualTo(200);
    JsonNode user = replaced.json();
    assertThat(user.get("id").asText()).isEqualTo(id);
    assertThat(user.get("displayName").asText()).isEqualTo("Barbara J");
    assertThat(user.has("name")).isFalse();
    assertThat(user.get("meta").get("created").asText()).isNotEqualTo("2000-01-01T00:00:00Z");
    assertThat(replaced.header("ETag")).isEqualTo("W/\"2\"");
  }

  @Test
  void patchReplacesOneAttributeOktaStyle() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    ApiResult patched = call(connection, "PATCH", "/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"replace","value":{"active":false}}]}""");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("active").asBoolean()).isFalse();
    assertThat(call(connection, "GET", "/Users/" + id, null).json().get("active").asBoolean()).isFalse();
  }

  @Test
  void aPathlessPatchMayRepeatTheUsersOwnId() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    ApiResult patched = call(connection, "PATCH", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Babs\"}}]}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("displayName").asText()).isEqualTo("Babs");
  }

  @Test
  void aPathlessPatchWithAnotherIdIsRefused() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    ApiResult refused = call(connection, "PATCH", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":\"someone-else\"}}]}");
    assertThat(refused.status()).isEqualTo(400);
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    call(connection, "PATCH", "/Users/" + id, patch("replace", "displayName", "\"One\""));
    ApiResult stale = to(connection, "PATCH", "/Users/" + id).header("If-Match", "W/\"1\"")
        .body("application/scim+json", patch("replace", "displayName", "\"Two\"")).invoke(handler);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(call(connection, "GET", "/Users/" + id, null).json().get("displayName").asText()).isEqualTo("One");
  }

  @Test
  void theCurrentIfMatchIsAccepted() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    ApiResult ok = to(connection, "DELETE", "/Users/" + id).header("If-Match", "W/\"1\"").invoke(handler);
    assertThat(ok.status()).isEqualTo(204);
  }

  @Test
  void ifNoneMatchWithTheCurrentVersionIs304() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    ApiResult result = to(connection, "GET", "/Users/" + id).header("If-None-Match", "W/\"1\"").invoke(handler);
    assertThat(result.status()).isEqualTo(304);
    assertThat(result.bodyText()).isEmpty();
  }

  @Test
  void deleteAnswers204ThenTheUserIs404() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    assertThat(call(connection, "DELETE", "/Users/" + id, null).status()).isEqualTo(204);
    assertThat(call(connection, "GET", "/Users/" + id, null).status()).isEqualTo(404);
    assertThat(call(connection, "DELETE", "/Users/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void aDeletedUsersUserNameCanBeProvisionedAgain() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, BJENSEN);
    call(connection, "DELETE", "/Users/" + id, null);
    assertThat(call(connection, "POST", "/Users", BJENSEN).status()).isEqualTo(201);
  }

  @Test
  void parallelPatchesOfOneUserLoseNoUpdate() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, userJson("ada"));
    ExecutorService idp = Executors.newFixedThreadPool(10);
    try {
      List<CompletableFuture<ApiResult>> patches = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String body = patch("add", "phoneNumbers", "[{\"value\":\"+1-555-000" + i + "\",\"type\":\"work\"}]");
        patches.add(CompletableFuture.supplyAsync(() -> call(connection, "PATCH", "/Users/" + id, body), idp));
      }
      patches.forEach(p -> assertThat(p.join().status()).isEqualTo(200));
    } finally {
      idp.shutdown();
    }
    assertThat(call(connection, "GET", "/Users/" + id, null).json().get("phoneNumbers")).hasSize(10);
  }

  static String patch(String op, String path, String value) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op
        + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
  }
}
