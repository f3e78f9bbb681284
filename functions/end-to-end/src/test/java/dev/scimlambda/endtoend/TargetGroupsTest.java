package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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

  private String ws;
  private IssuedConnection okta;

  @BeforeEach
  void workspaceWithAnOktaConnection() {
    ws = directory.newWorkspace(null);
    okta = directory.newConnection(ws);
  }

  /** {@code name}@acme.example, in {@code department} when it is not null. */
  private String user(String name, String department) {
    String enterprise = department == null ? "" : ",\"" + ENTERPRISE + "\":{\"department\":\"" + department + "\"}";
    ApiResult created = directory.scim(okta, "POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "@acme.example\""
            + enterprise + "}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private ApiResult putMapping(String json) {
    return AttributeMappingTestSupport.putMapping(directory, ws, okta, json);
  }

  private void setTargetGroups(String json) {
    ApiResult result = putMapping("{\"targetGroup\":" + json + "}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
  }

  private void groupByDepartment() {
    setTargetGroups("{\"groupBy\":\"department\"}");
  }

  private List<String> tags(String appUserId) {
    return directory.tagsOf(ws, appUserId);
  }

  private Map<String, Long> tagCounts() {
    return directory.tagCounts(ws);
  }

  @Test
  void groupingByDepartmentTagsEachUserWithTheirDepartment() {
    groupByDepartment();
    String ada = user("ada", "Sales");
    String bob = user("bob", "Support");
    directory.converge();
    assertThat(tags(ada)).containsExactly("Department:Sales");
    assertThat(tags(bob)).containsExactly("Department:Support");
    assertThat(tagCounts()).containsEntry("Department:Sales", 1L).containsEntry("Department:Support", 1L);
  }

  @Test
  void aDepartmentChangeMovesTheUserToTheOtherGroup() {
    groupByDepartment();
    String ada = user("ada", "Sales");
    directory.converge();
    ApiResult moved = directory.scim(okta, "PATCH", "/Users/" + ada,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
            + "\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Marketing\"}]}");
    assertThat(moved.status()).isIn(200, 204);
    directory.converge();
    assertThat(tags(ada)).containsExactly("Department:Marketing");
    assertThat(tagCounts()).containsEntry("Department:Marketing", 1L).doesNotContainKey("Department:Sales");
  }

  @Test
  void usersWithoutADepartmentGoToTheDefaultTargetGroup() {
    setTargetGroups("{\"groupBy\":\"department\",\"default\":\"Everyone else\"}");
    String ada = user("ada", null);
    String bob = user("bob", "Sales");
    directory.converge();
    assertThat(tags(ada)).containsExactly("Department:Everyone else");
    assertThat(tags(bob)).containsExactly("Department:Sales");
  }

  @Test
  void withoutGroupByEveryoneGoesToTheDefaultTargetGroup() {
    setTargetGroups("{\"default\":\"Staff\"}");
    String ada = user("ada", "Sales");
    directory.converge();
    assertThat(tags(ada)).containsExactly("TargetGroup:Staff");
  }

  @Test
  void groupingByACustomFieldUsesItsLabelAsPrefix() {
    AttributeMappingTestSupport.createField(directory, ws, "region", "Region", "string");
    ApiResult saved = putMapping(
        "{\"attributes\":{\"region\":\"" + ACME + ":region\"},\"targetGroup\":{\"groupBy\":\"region\"}}");
    assertThat(saved.json().at("/targetGroup/tagPrefix").asText()).isEqualTo("Region");
    ApiResult created = directory.scim(okta, "POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ACME + "\"],\"userName\":\"ada@acme.example\","
            + "\"" + ACME + "\":{\"region\":\"EMEA\"}}");
    directory.converge();
    assertThat(tags(created.json().get("id").asText())).containsExactly("Region:EMEA");
  }

  @Test
  void aConfiguredPrefixNamesTheTagsAndSitsNextToGroupTags() {
    setTargetGroups("{\"groupBy\":\"department\",\"tagPrefix\":\"Team\"}");
    String ada = user("ada", "Sales");
    directory.createGroup(okta, "Admins", List.of(ada));
    directory.converge();
    assertThat(tags(ada)).containsExactly("Group:Admins", "Team:Sales");
  }

  @Test
  void thePrefixOfGroupTagsIsRefused() {
    ApiResult result = putMapping("{\"targetGroup\":{\"groupBy\":\"department\",\"tagPrefix\":\"Group\"}}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/field").asText()).isEqualTo("targetGroup.tagPrefix");
  }

  @Test
  void settingGroupByMovesExistingUsersInTheBackground() {
    String ada = user("ada", "Sales");
    directory.converge();
    assertThat(tags(ada)).isEmpty();
    groupByDepartment();
    directory.converge();
    assertThat(tags(ada)).containsExactly("Department:Sales");
    setTargetGroups("{}");
    directory.converge();
    assertThat(tags(ada)).isEmpty();
    assertThat(tagCounts()).doesNotContainKey("Department:Sales");
  }
}
