package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IdP quirks the server accepts are accepted on every connection, whatever its type, and each
 * is accepted in exactly its documented form: the malformed input next to it is refused on every
 * type, the IdP's own included.
 */
class DialectBoundariesTest extends ScimTestConnections {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static String patch(String operation) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}";
  }

  private static IssuedConnection connection(String type) {
    return connections().create("default", "Boundaries " + type, type);
  }

  private static void refused(IssuedConnection connection, String method, String path, String body, String scimType) {
    ApiResult result = call(connection, method, path, body);
    assertThat(result.status()).as(body + " → " + result).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).as(body).isEqualTo(scimType);
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void everyQuirkIsAcceptedOnEveryConnectionType(String type) {
    IssuedConnection connection = connection(type);
    String boss = createUser(connection, userJson("boss@example.com"));
    String id = createUser(connection, userJson("ada@example.com"));
    ApiResult entra = call(connection, "PATCH", "/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
    assertThat(entra.json().get("active").booleanValue()).isFalse();
    ApiResult manager = call(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"" + boss + "\"}"));
    assertThat(manager.json().get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(boss);
    ApiResult template = call(connection, "PUT", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\",\"active\":\"true\"}");
    assertThat(template.json().get("active").booleanValue()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void aBooleanIsTrueOrFalseInAnyCaseAndNothingElse(String type) {
    IssuedConnection connection = connection(type);
    String id = createUser(connection, userJson("ada@example.com"));
    for (String notABoolean : new String[] {"\"no\"", "\"0\"", "0", "\"\"", "\"{$user.active}\"", "\"False!\"", "[false]"}) {
      refused(connection, "PATCH", "/Users/" + id,
          patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + notABoolean + "}"), "invalidValue");
      refused(connection, "POST", "/Users",
          "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x@example.com\",\"active\":" + notABoolean + "}",
          "invalidValue");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void anOpIsAddReplaceOrRemoveInAnyCaseAndNothingElse(String type) {
    IssuedConnection connection = connection(type);
    String id = createUser(connection, userJson("ada@example.com"));
    for (String op : new String[] {"Upsert", "Set", "Delete", "Add Member", ""}) {
      refused(connection, "PATCH", "/Users/" + id,
          patch("{\"op\":\"" + op + "\",\"path\":\"displayName\",\"value\":\"Ada\"}"), "invalidSyntax");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void onlyAReferenceLikeAttributeMayBeSentAsABareIdOrAListOfOne(String type) {
    IssuedConnection connection = connection(type);
    String id = createUser(connection, userJson("ada@example.com"));
    String managers = "[{\"value\":\"one\"},{\"value\":\"two\"}]";
    refused(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":" + managers + "}"), "invalidValue");
    refused(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":[\"one\"]}"), "invalidValue");
    refused(connection, "PATCH", "/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"name\",\"value\":\"Ada Lovelace\"}"),
        "invalidValue");
    refused(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"replace\",\"path\":\"name\",\"value\":[{\"givenName\":\"Ada\"}]}"), "invalidValue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void aFilteredPathCreatesAValueOnlyFromEqualities(String type) {
    IssuedConnection connection = connection(type);
    String id = createUser(connection, userJson("ada@example.com"));
    refused(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\" or type eq \\\"home\\\"].value\",\"value\":\"a@b.example\"}"),
        "noTarget");
    refused(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"Add\",\"path\":\"emails[type sw \\\"wo\\\"].value\",\"value\":\"a@b.example\"}"), "noTarget");
    refused(connection, "PATCH", "/Users/" + id,
        patch("{\"op\":\"Add\",\"path\":\"favouriteColours[type eq \\\"work\\\"].value\",\"value\":\"blue\"}"), "invalidPath");
  }

  @ParameterizedTest
  @ValueSource(strings = {"okta", "azure", "onelogin", "jumpcloud", "generic"})
  void memberOperationsTakeMemberObjectsWithAValue(String type) {
    IssuedConnection connection = connection(type);
    String ada = createUser(connection, userJson("ada@example.com"));
    String group = GroupsEndpointTest.createGroup(connection, GroupsEndpointTest.groupJson("Marketing", ada));
    refused(connection, "PATCH", "/Groups/" + group, patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":\"" + ada + "\"}"),
        "invalidValue");
    refused(connection, "PATCH", "/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"Ada\"}]}"),
        "invalidValue");
    refused(connection, "PATCH", "/Groups/" + group, patch("{\"op\":\"replace\",\"value\":{\"id\":\"another\",\"displayName\":\"X\"}}"),
        "mutability");
    assertThat(GroupsEndpointTest.memberIds(connection, group)).containsExactly(ada);
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure", "generic"})
  void entrasFlagLeftInTheQueryChangesNothing(String type) {
    IssuedConnection connection = connection(type);
    String id = createUser(connection, userJson("ada@example.com"));
    ApiResult found = get(connection, "/Users?aadOptscim062020&filter=userName%20eq%20%22ada@example.com%22");
    assertThat(found.json().get("Resources").get(0).get("id").asText()).isEqualTo(id);
    ApiResult patched = call(connection, "PATCH", "/Users/" + id + "?aadOptscim062020",
        patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
    assertThat(patched.json().get("active").booleanValue()).isFalse();
  }
}
