package dev.scimlambda.scim.api;

import static dev.scimlambda.scim.api.GroupsEndpointTest.addMembers;
import static dev.scimlambda.scim.api.GroupsEndpointTest.createGroup;
import static dev.scimlambda.scim.api.GroupsEndpointTest.groupJson;
import static dev.scimlambda.scim.api.GroupsEndpointTest.memberIds;
import static dev.scimlambda.scim.api.GroupsEndpointTest.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups as members of groups: a user's indirect groups, and memberships that would form a cycle. */
class NestedGroupsTest extends ScimTestConnections {

  /** The user's {@code groups} as display name → type, in the order listed. */
  private static Map<String, String> groupsOf(IssuedConnection connection, String path) {
    ApiResult result = call(connection, "GET", path, null);
    assertThat(result.status()).isEqualTo(200);
    Map<String, String> groups = new LinkedHashMap<>();
    result.json().path("groups").forEach(g -> groups.put(g.get("display").asText(), g.get("type").asText()));
    return groups;
  }

  private static void assertInvalidValue(ApiResult result) {
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidValue");
  }

  private static String replaceMembers(String... ids) {
    return addMembers(ids).replace("\"op\":\"add\"", "\"op\":\"replace\"");
  }

  @Test
  void aUserListsTheGroupsItIsInThroughThreeLevelsOfNesting() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String team = createGroup(connection, groupJson("Team", ada));
    String department = createGroup(connection, groupJson("Department", team));
    String company = createGroup(connection, groupJson("Company", department));
    JsonNode groups = call(connection, "GET", "/Users/" + ada, null).json().get("groups");
    assertThat(groups).hasSize(3);
    assertThat(groups.get(0).get("value").asText()).isEqualTo(team);
    assertThat(groups.get(0).get("type").asText()).isEqualTo("direct");
    assertThat(groups.get(1).get("value").asText()).isEqualTo(department);
    JsonNode top = groups.get(2);
    assertThat(top.get("value").asText()).isEqualTo(company);
    assertThat(top.get("display").asText()).isEqualTo("Company");
    assertThat(top.get("type").asText()).isEqualTo("indirect");
    assertThat(top.get("$ref").asText()).endsWith("/Groups/" + company);
    assertThat(groupsOf(connection, "/Users/" + ada + "?attributes=groups"))
        .containsExactly(Map.entry("Team", "direct"), Map.entry("Department", "indirect"), Map.entry("Company", "indirect"));
    assertThat(call(connection, "GET", "/Users/" + ada + "?attributes=groups", null).json().has("userName")).isFalse();
  }

  @Test
  void aGroupTheUserIsInDirectlyAndThroughNestingIsListedOnceAsDirect() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String team = createGroup(connection, groupJson("Team", ada));
    createGroup(connection, groupJson("Company", team, ada));
    assertThat(groupsOf(connection, "/Users/" + ada))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Team", "direct", "Company", "direct"));
  }

  @Test
  void aGroupCannotBeItsOwnMember() {
    IssuedConnection connection = newConnection();
    String team = createGroup(connection, groupJson("Team"));
    assertInvalidValue(call(connection, "PATCH", "/Groups/" + team, operations(addMembers(team))));
    assertInvalidValue(call(connection, "PUT", "/Groups/" + team, groupJson("Team", team)));
    assertThat(memberIds(connection, team)).isEmpty();
  }

  @Test
  void aGroupContainingTheGroupCannotBecomeItsMember() {
    IssuedConnection connection = newConnection();
    String inner = createGroup(connection, groupJson("Inner"));
    String outer = createGroup(connection, groupJson("Outer", inner));
    assertInvalidValue(call(connection, "PATCH", "/Groups/" + inner, operations(addMembers(outer))));
    assertInvalidValue(call(connection, "PATCH", "/Groups/" + inner, operations(replaceMembers(outer))));
    assertInvalidValue(call(connection, "PUT", "/Groups/" + inner, groupJson("Inner", outer)));
    assertThat(memberIds(connection, inner)).isEmpty();
  }

  @Test
  void aGroupContainingTheGroupThroughNestingCannotBecomeItsMember() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String a = createGroup(connection, groupJson("A"));
    String b = createGroup(connection, groupJson("B", a));
    String c = createGroup(connection, groupJson("C", b));
    ApiResult result = call(connection, "PATCH", "/Groups/" + a, operations(addMembers(ada, c)));
    assertInvalidValue(result);
    assertThat(result.json().get("detail").asText()).contains(c).contains("cycle");
    assertThat(memberIds(connection, a)).isEmpty();
  }

  @Test
  void aBulkOperationThatWouldFormACycleFailsAlone() {
    IssuedConnection connection = newConnection();
    String inner = createGroup(connection, groupJson("Inner"));
    String outer = createGroup(connection, groupJson("Outer", inner));
    ApiResult result = call(connection, "POST", "/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
        + "\"Operations\":[{\"method\":\"PATCH\",\"path\":\"/Groups/" + inner + "\",\"data\":"
        + operations(addMembers(outer)) + "}]}");
    assertThat(result.status()).isEqualTo(200);
    JsonNode operation = result.json().get("Operations").get(0);
    assertThat(operation.get("status").asText()).isEqualTo("400");
    assertThat(operation.get("response").get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(memberIds(connection, inner)).isEmpty();
  }

  @Test
  void aGroupMayBeInTwoGroupsThatShareAParent() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String team = createGroup(connection, groupJson("Team", ada));
    String left = createGroup(connection, groupJson("Left", team));
    String right = createGroup(connection, groupJson("Right", team));
    String top = createGroup(connection, groupJson("Top", left));
    assertThat(call(connection, "PATCH", "/Groups/" + top, operations(addMembers(right))).status()).isEqualTo(204);
    assertThat(groupsOf(connection, "/Users/" + ada)).containsExactlyInAnyOrderEntriesOf(
        Map.of("Team", "direct", "Left", "indirect", "Right", "indirect", "Top", "indirect"));
  }

  @Test
  void deletingTheMiddleGroupEndsTheMembershipsThroughIt() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String team = createGroup(connection, groupJson("Team", ada));
    String department = createGroup(connection, groupJson("Department", team));
    String company = createGroup(connection, groupJson("Company", department));
    assertThat(call(connection, "DELETE", "/Groups/" + department, null).status()).isEqualTo(204);
    assertThat(groupsOf(connection, "/Users/" + ada)).containsExactly(Map.entry("Team", "direct"));
    assertThat(memberIds(connection, company)).isEmpty();
    assertThat(call(connection, "GET", "/Groups/" + team, null).status()).isEqualTo(200);
  }

  @Test
  void theMembersValueFilterFindsTheGroupsAGroupIsIn() {
    IssuedConnection connection = newConnection();
    String team = createGroup(connection, groupJson("Team"));
    String department = createGroup(connection, groupJson("Department", team));
    createGroup(connection, groupJson("Company", department));
    JsonNode found = call(connection, "GET", "/Groups?filter=members.value%20eq%20%22" + team + "%22", null).json();
    assertThat(found.get("totalResults").asInt()).isEqualTo(1);
    assertThat(found.get("Resources").get(0).get("id").asText()).isEqualTo(department);
  }

  @Test
  void aMembersTypeIsTheResourcesOwnWhateverTheClientLabelledIt() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String team = createGroup(connection, groupJson("Team"));
    String company = createGroup(connection, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
        + "\"displayName\":\"Company\",\"members\":[{\"value\":\"" + team + "\",\"type\":\"User\"},"
        + "{\"value\":\"" + ada + "\"}]}");
    Map<String, String> types = new LinkedHashMap<>();
    call(connection, "GET", "/Groups/" + company, null).json().get("members")
        .forEach(m -> types.put(m.get("value").asText(), m.get("type").asText()));
    assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(team, "Group", ada, "User"));
  }

  @Test
  void aGroupOfAnotherConnectionIsNoMember() {
    String foreign = createGroup(newConnection(), groupJson("Elsewhere"));
    IssuedConnection connection = newConnection();
    assertInvalidValue(call(connection, "POST", "/Groups", groupJson("Team", foreign)));
    String team = createGroup(connection, groupJson("Team"));
    assertInvalidValue(call(connection, "PATCH", "/Groups/" + team, operations(addMembers(foreign))));
  }
}
