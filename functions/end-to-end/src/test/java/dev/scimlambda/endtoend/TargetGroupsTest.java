package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Target groups: a connection puts each user in the group named by their department (or a custom
 * field), the rest in its default group, as {@code {prefix}:{name}} tags next to {@code Group:} tags.
 */
class TargetGroupsTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());

  private static String user(IssuedConnection connection, String name, String department) {
    String enterprise = department == null ? "" : ",\"" + ENTERPRISE + "\":{\"department\":\"" + department + "\"}";
    ApiResult created = directory.scim(connection, "POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "@acme.example\""
            + enterprise + "}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static void setTargetGroups(String ws, IssuedConnection connection, String json) {
    ApiResult result = AttributeMappingTestSupport.putMapping(directory, ws, connection, "{\"targetGroup\":" + json + "}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
  }

  @Test
  void groupingByDepartmentTagsEachUserWithTheirDepartment() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setTargetGroups(ws, okta, "{\"groupBy\":\"department\"}");
    String ada = user(okta, "ada", "Sales");
    String bob = user(okta, "bob", "Support");
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).containsExactly("Department:Sales");
    assertThat(directory.tagsOf(ws, bob)).containsExactly("Department:Support");
    assertThat(directory.tagCounts(ws)).containsEntry("Department:Sales", 1L).containsEntry("Department:Support", 1L);
  }

  @Test
  void aDepartmentChangeMovesTheUserToTheOtherGroup() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setTargetGroups(ws, okta, "{\"groupBy\":\"department\"}");
    String ada = user(okta, "ada", "Sales");
    directory.converge();
    ApiResult moved = directory.scim(okta, "PATCH", "/Users/" + ada,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
            + "\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Marketing\"}]}");
    assertThat(moved.status()).isIn(200, 204);
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).containsExactly("Department:Marketing");
    assertThat(directory.tagCounts(ws)).containsEntry("Department:Marketing", 1L).doesNotContainKey("Department:Sales");
  }

  @Test
  void usersWithoutADepartmentGoToTheDefaultTargetGroup() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setTargetGroups(ws, okta, "{\"groupBy\":\"department\",\"default\":\"Everyone else\"}");
    String ada = user(okta, "ada", null);
    String bob = user(okta, "bob", "Sales");
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).containsExactly("Department:Everyone else");
    assertThat(directory.tagsOf(ws, bob)).containsExactly("Department:Sales");
  }

  @Test
  void withoutGroupByEveryoneGoesToTheDefaultTargetGroup() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setTargetGroups(ws, okta, "{\"default\":\"Staff\"}");
    String ada = user(okta, "ada", "Sales");
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).containsExactly("TargetGroup:Staff");
  }

  @Test
  void groupingByACustomFieldUsesItsLabelAsPrefix() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    AttributeMappingTestSupport.createField(directory, ws, "region", "Region", "string");
    ApiResult saved = AttributeMappingTestSupport.putMapping(directory, ws, okta,
        "{\"attributes\":{\"region\":\"" + ACME + ":region\"},\"targetGroup\":{\"groupBy\":\"region\"}}");
    assertThat(saved.json().at("/targetGroup/tagPrefix").asText()).isEqualTo("Region");
    ApiResult created = directory.scim(okta, "POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ACME + "\"],\"userName\":\"ada@acme.example\","
            + "\"" + ACME + "\":{\"region\":\"EMEA\"}}");
    directory.converge();
    assertThat(directory.tagsOf(ws, created.json().get("id").asText())).containsExactly("Region:EMEA");
  }

  @Test
  void aConfiguredPrefixNamesTheTagsAndSitsNextToGroupTags() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setTargetGroups(ws, okta, "{\"groupBy\":\"department\",\"tagPrefix\":\"Team\"}");
    String ada = user(okta, "ada", "Sales");
    directory.createGroup(okta, "Admins", List.of(ada));
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).containsExactly("Group:Admins", "Team:Sales");
  }

  @Test
  void thePrefixOfGroupTagsIsRefused() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    ApiResult result = AttributeMappingTestSupport.putMapping(directory, ws, okta,
        "{\"targetGroup\":{\"groupBy\":\"department\",\"tagPrefix\":\"Group\"}}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/field").asText()).isEqualTo("targetGroup.tagPrefix");
  }

  @Test
  void settingGroupByMovesExistingUsersInTheBackground() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = user(okta, "ada", "Sales");
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).isEmpty();
    setTargetGroups(ws, okta, "{\"groupBy\":\"department\"}");
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).containsExactly("Department:Sales");
    setTargetGroups(ws, okta, "{}");
    directory.converge();
    assertThat(directory.tagsOf(ws, ada)).isEmpty();
    assertThat(directory.tagCounts(ws)).doesNotContainKey("Department:Sales");
  }
}
