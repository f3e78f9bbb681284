package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection's attribute mapping turns its SCIM users into app user profiles: defaults per IdP
 * type, admin overrides, custom fields from custom extensions; applied on create, replace and patch.
 */
class AttributeMappingTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
  private static final String CORE = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());

  /** What each IdP sends for the same person, as its documented default mapping produces it. */
  private static String userOf(IdpType type) {
    return switch (type) {
      // Okta: the login is the email; the primary email is the Okta email.
      case OKTA -> """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@acme.example",
           "name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada Lovelace","title":"Engineer",
           "emails":[{"primary":true,"value":"ada@acme.example","type":"work"}],
           "phoneNumbers":[{"primary":true,"value":"+1 555 0100","type":"mobile"}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"},"active":true}""";
      // Entra: userName is the UPN, the mailbox is the work email, the work phone comes after the mobile one.
      case AZURE -> """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
           "externalId":"ada","userName":"ada.lovelace@acmecorp.onmicrosoft.com","active":true,
           "displayName":"Ada Lovelace","title":"Engineer",
           "emails":[{"type":"other","value":"ada.private@example.org"},{"type":"work","value":"ada@acme.example"}],
           "name":{"givenName":"Ada","familyName":"Lovelace"},
           "phoneNumbers":[{"type":"mobile","value":"+1 555 0199"},{"type":"work","value":"+1 555 0100"}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}""";
      // OneLogin's JSON template: active as a string, emails typed work, no primary flag.
      case ONELOGIN -> """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
           "userName":"ada@acme.example","name":{"givenName":"Ada","familyName":"Lovelace"},
           "displayName":"Ada Lovelace","title":"Engineer","active":"True",
           "emails":[{"value":"ada@acme.example","type":"work"}],
           "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}""";
      // JumpCloud: userName and the primary email are both the email; photo sent as a URL.
      case JUMPCLOUD -> """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@acme.example",
           "name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada Lovelace","title":"Engineer",
           "emails":[{"value":"ada@acme.example","type":"work","primary":true}],
           "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"},"active":true}""";
      // A minimal client: no emails at all, the userName is the email.
      case GENERIC -> """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@acme.example",
           "name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada Lovelace","title":"Engineer",
           "phoneNumbers":[{"value":"+1 555 0100"}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"},"active":true}""";
      // Pull connections have no SCIM endpoint: MicrosoftGraphSyncTest covers what they write.
      case MICROSOFT_GRAPH, OKTA_API, GOOGLE_WORKSPACE -> throw new IllegalArgumentException(type + " is not pushed");
    };
  }

  @ParameterizedTest
  @EnumSource(value = IdpType.class, mode = EnumSource.Mode.EXCLUDE, names = {"MICROSOFT_GRAPH", "OKTA_API", "GOOGLE_WORKSPACE"})
  void eachIdpTypesUserGetsTheStandardFieldsByDefault(IdpType type) {
    String ws = directory.newWorkspace(null);
    IssuedConnection connection = directory.newConnection(ws, type.wireName());
    String id = created(directory.scim(connection, "POST", "/Users", userOf(type)));
    directory.converge();
    JsonNode profile = directory.appUser(ws, id).get("profile");
    assertThat(profile.get("email").asText()).isEqualTo("ada@acme.example");
    assertThat(profile.get("firstName").asText()).isEqualTo("Ada");
    assertThat(profile.get("lastName").asText()).isEqualTo("Lovelace");
    assertThat(profile.get("displayName").asText()).isEqualTo("Ada Lovelace");
    assertThat(profile.get("title").asText()).isEqualTo("Engineer");
    assertThat(profile.get("department").asText()).isEqualTo("R&D");
    assertThat(profile.get("phone").asText()).isEqualTo("+1 555 0100");
    assertThat(profile.get("active").asBoolean()).isTrue();
  }

  @Test
  void aPrimaryPhotoBecomesThePhotoUrl() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    String id = created(directory.scim(okta, "POST", "/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@acme.example","photos":[{"value":"https://img.example/thumb.png","type":"thumbnail"},
         {"value":"https://img.example/ada.png","type":"photo","primary":true}]}"""));
    directory.converge();
    assertThat(directory.appUser(ws, id).at("/profile/photoUrl").asText()).isEqualTo("https://img.example/ada.png");
  }

  @Test
  void aCustomExtensionAttributeFillsACustomField() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    assertThat(createField(ws, "costCenter", "Cost center", "string").status()).isEqualTo(201);
    assertThat(createField(ws, "level", "Level", "number").status()).isEqualTo(201);
    assertThat(putMapping(ws, okta, """
        {"attributes":{"costCenter":"%s:costCenter","level":"%s:level"}}""".formatted(ACME, ACME)).status())
        .isEqualTo(200);
    String id = created(directory.scim(okta, "POST", "/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"ada@acme.example",
         "%s":{"costCenter":"CC-42","level":"7"}}""".formatted(ACME, ACME)));
    directory.converge();
    JsonNode custom = directory.appUser(ws, id).get("customFields");
    assertThat(custom.get("costCenter").asText()).isEqualTo("CC-42");
    assertThat(custom.get("level").isNumber()).isTrue();
    assertThat(custom.get("level").asInt()).isEqualTo(7);
  }

  @Test
  void theMappingOffersTheExtensionAttributesTheIdpSentLately() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    created(directory.scim(okta, "POST", "/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],"userName":"ada@acme.example",
         "%s":{"department":"R&D"},"%s":{"costCenter":"CC-42","badge":{"color":"blue"}}}""".formatted(ENTERPRISE, ACME, ENTERPRISE, ACME)));
    directory.converge();

    JsonNode seen = directory.admin("GET", mappingPath(ws, okta)).json().get("attributesSeen");

    assertThat(seen).extracting(JsonNode::asText).containsExactly(ACME + ":badge", ACME + ":costCenter");
  }

  @Test
  void anOverrideReplacesTheDefaultAndAppliesOnPatch() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    putMapping(ws, okta, "{\"attributes\":{\"title\":\"" + ENTERPRISE + ":division\"}}");
    String id = created(directory.scim(okta, "POST", "/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"ada@acme.example",
         "title":"Engineer","%s":{"division":"Platform"}}""".formatted(ENTERPRISE, ENTERPRISE)));
    directory.converge();
    assertThat(directory.appUser(ws, id).at("/profile/title").asText()).isEqualTo("Platform");
    patch(okta, id, "{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":division\",\"value\":\"Data\"}");
    directory.converge();
    assertThat(directory.appUser(ws, id).at("/profile/title").asText()).isEqualTo("Data");
  }

  @Test
  void aReplaceWithoutAnAttributeClearsItsField() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    String id = created(directory.scim(okta, "POST", "/Users", CORE + "\"userName\":\"ada@acme.example\",\"title\":\"Engineer\"}"));
    directory.converge();
    directory.scim(okta, "PUT", "/Users/" + id, CORE + "\"userName\":\"ada@acme.example\"}");
    directory.converge();
    assertThat(directory.appUser(ws, id).get("profile").has("title")).isFalse();
  }

  @Test
  void theMappingShowsEveryDefaultAndTheOverrides() {
    String ws = directory.newWorkspace(null);
    IssuedConnection azure = directory.newConnection(ws, "azure");
    createField(ws, "costCenter", "Cost center", "string");
    JsonNode saved = putMapping(ws, azure, "{\"attributes\":{\"costCenter\":\"" + ACME + ":costCenter\"}}").json();
    JsonNode read = directory.admin("GET", mappingPath(ws, azure)).json();
    assertThat(read.get("attributes")).isEqualTo(saved.get("attributes"));
    assertThat(read.at("/attributes/email/paths").toString())
        .isEqualTo("[\"emails[type eq \\\"work\\\"].value\",\"emails.value\",\"userName\"]");
    assertThat(read.at("/attributes/email/default").asBoolean()).isTrue();
    assertThat(read.at("/attributes/costCenter/default").asBoolean()).isFalse();
    assertThat(read.at("/attributes/costCenter/type").asText()).isEqualTo("string");
  }

  @Test
  void anOverriddenFieldStillShowsTheIdpTypesSuggestionAndOnlyTheEmailIsRequired() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    JsonNode read = putMapping(ws, okta, "{\"attributes\":{\"title\":\"displayName\"}}").json();

    assertThat(read.at("/attributes/title/paths").toString()).isEqualTo("[\"displayName\"]");
    assertThat(read.at("/attributes/title/suggested").toString()).isEqualTo("[\"title\"]");
    assertThat(read.at("/attributes/email/required").asBoolean()).isTrue();
    assertThat(read.at("/attributes/title/required").asBoolean()).isFalse();
  }

  @Test
  void anUnparsablePathIsRefusedNamingIt() {
    assertRefused("{\"attributes\":{\"title\":\"emails[type eq \\\"work\\\"\"}}", "attributes.title",
        "emails[type eq \"work\"");
  }

  @Test
  void anUnknownCoreAttributeIsRefusedNamingIt() {
    assertRefused("{\"attributes\":{\"title\":\"jobTitle\"}}", "attributes.title", "jobTitle");
  }

  @Test
  void anUnknownEnterpriseAttributeIsRefusedNamingIt() {
    assertRefused("{\"attributes\":{\"department\":\"" + ENTERPRISE + ":dept\"}}", "attributes.department", "dept");
  }

  @Test
  void aTargetThatIsNoFieldIsRefusedNamingIt() {
    assertRefused("{\"attributes\":{\"shoeSize\":\"" + ACME + ":shoeSize\"}}", "attributes.shoeSize", "shoeSize");
  }

  @Test
  void groupingByAnUndefinedFieldIsRefused() {
    assertRefused("{\"targetGroup\":{\"groupBy\":\"region\"}}", "targetGroup.groupBy", "region");
  }

  @Test
  void aDuplicateFieldKeyIsAConflict() {
    String ws = directory.newWorkspace(null);
    createField(ws, "costCenter", "Cost center", "string");
    ApiResult again = createField(ws, "costCenter", "Other", "number");
    assertThat(again.status()).isEqualTo(409);
    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + ws + "/fields").json().get("fields")).hasSize(1);
  }

  @Test
  void aFieldKeyThatDiffersFromAStandardFieldOnlyInCaseIsAConflict() {
    String ws = directory.newWorkspace(null);
    assertThat(createField(ws, "FirstName", "First name", "string").status()).isEqualTo(409);
    assertThat(createField(ws, "photourl", "Photo", "string").status()).isEqualTo(409);
  }

  @Test
  void aDeletedConnectionsMappingCannotBeSaved() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/connections/" + okta.connection().id());
    assertThat(putMapping(ws, okta, "{\"attributes\":{\"title\":\"title\"}}").status()).isEqualTo(409);
  }

  @Test
  void aFieldInUseByAMappingCannotBeDeleted() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    createField(ws, "costCenter", "Cost center", "string");
    putMapping(ws, okta, "{\"attributes\":{\"costCenter\":\"" + ACME + ":costCenter\"}}");
    assertThat(directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/fields/costCenter").status()).isEqualTo(409);
    putMapping(ws, okta, "{}");
    assertThat(directory.admin("DELETE", "/admin/v1/workspaces/" + ws + "/fields/costCenter").status()).isEqualTo(204);
  }

  private static void assertRefused(String mapping, String field, String named) {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws, "okta");
    ApiResult result = putMapping(ws, okta, mapping);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/field").asText()).isEqualTo(field);
    assertThat(result.json().at("/error/message").asText()).contains(named);
    assertThat(directory.admin("GET", mappingPath(ws, okta)).json().get("version").asLong()).isZero();
  }

  private static ApiResult createField(String ws, String key, String label, String type) {
    return AttributeMappingTestSupport.createField(directory, ws, key, label, type);
  }

  private static ApiResult putMapping(String ws, IssuedConnection connection, String json) {
    return AttributeMappingTestSupport.putMapping(directory, ws, connection, json);
  }

  private static String mappingPath(String ws, IssuedConnection connection) {
    return AttributeMappingTestSupport.mappingPath(ws, connection);
  }

  private static void patch(IssuedConnection connection, String id, String operation) {
    ApiResult result = directory.scim(connection, "PATCH", "/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}");
    assertThat(result.status()).isIn(200, 204);
  }

  private static String created(ApiResult result) {
    assertThat(result.status()).as(result.toString()).isEqualTo(201);
    return result.json().get("id").asText();
  }
}
