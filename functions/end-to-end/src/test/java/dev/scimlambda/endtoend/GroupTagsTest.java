package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.runtime.Setting;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Group memberships become {@code Group:{displayName}} tags on app users, derived by the stream handler. */
class GroupTagsTest {

  private static final String WS = "default";

  // Small chunks, so propagation to a handful of members already takes several chunks.
  @RegisterExtension
  static final DirectoryHarness directory =
      new DirectoryHarness(Map.of(Setting.TAG_REFRESH_CHUNK_SIZE.property(), "3"));
  private IssuedConnection okta;

  @BeforeEach
  void connect() {
    okta = directory.newConnection(WS);
  }

  private String user(String name) {
    return directory.createUser(okta, name + "-" + okta.connection().id() + "@example.com");
  }

  /** Display names are unique per connection; tags are per workspace, so tests pick names of their own. */
  private String name(String base) {
    return base + "-" + okta.connection().id();
  }

  private static String add(String... ids) {
    return "{\"op\":\"add\",\"path\":\"members\",\"value\":["
        + String.join(",", java.util.Arrays.stream(ids).map(id -> "{\"value\":\"" + id + "\"}").toList()) + "]}";
  }

  @Test
  void aMemberCarriesTheTagOfItsGroup() {
    String ada = user("ada");
    String marketing = name("Marketing");
    directory.createGroup(okta, marketing, List.of(ada));
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).containsExactly("Group:" + marketing);
  }

  @Test
  void aUserInNoGroupHasNoTags() {
    String ada = user("ada");
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).isEmpty();
  }

  @Test
  void addingAMemberByPatchGivesTheTag() {
    String ada = user("ada");
    String sales = name("Sales");
    String group = directory.createGroup(okta, sales, List.of());
    directory.patchGroup(okta, group, add(ada));
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).containsExactly("Group:" + sales);
  }

  @Test
  void removingAMemberRemovesTheTag() {
    String ada = user("ada");
    String group = directory.createGroup(okta, name("Sales"), List.of(ada));
    directory.converge();
    directory.patchGroup(okta, group, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}");
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).isEmpty();
  }

  @Test
  void deletingAGroupRemovesTheTagFromEveryMember() {
    List<String> members = IntStream.range(0, 5).mapToObj(i -> user("m" + i)).toList();
    String team = name("Team");
    String group = directory.createGroup(okta, team, members);
    directory.converge();
    assertThat(directory.scim(okta, "DELETE", "/Groups/" + group, null).status()).isEqualTo(204);
    directory.converge();
    members.forEach(m -> assertThat(directory.tagsOf(WS, m)).isEmpty());
    assertThat(directory.tagCounts(WS)).doesNotContainKey("Group:" + team);
  }

  @Test
  void renamingAGroupRenamesTheTagOnAllMembers() {
    List<String> members = IntStream.range(0, 8).mapToObj(i -> user("r" + i)).toList();
    String group = directory.createGroup(okta, name("Old"), members);
    directory.converge();
    String renamed = name("New");
    directory.patchGroup(okta, group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"}");
    directory.converge();
    members.forEach(m -> assertThat(directory.tagsOf(WS, m)).containsExactly("Group:" + renamed));
    assertThat(directory.tagCounts(WS)).containsEntry("Group:" + renamed, 8L).doesNotContainKey("Group:" + name("Old"));
  }

  @Test
  void membersOfANestedGroupCarryTheTagsOfEveryGroupAboveIt() {
    String ada = user("ada");
    String engineering = directory.createGroup(okta, name("Engineering"), List.of(ada));
    String everyone = directory.createGroup(okta, name("Everyone"), List.of(engineering));
    directory.createGroup(okta, name("Company"), List.of(everyone));
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).containsExactlyInAnyOrder(
        "Group:" + name("Engineering"), "Group:" + name("Everyone"), "Group:" + name("Company"));
  }

  @Test
  void renamingAParentGroupRenamesTheTagOfNestedMembers() {
    String ada = user("ada");
    String engineering = directory.createGroup(okta, name("Engineering"), List.of(ada));
    String parent = directory.createGroup(okta, name("Staff"), List.of(engineering));
    directory.converge();
    directory.patchGroup(okta, parent, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name("Crew") + "\"}");
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).containsExactlyInAnyOrder("Group:" + name("Engineering"), "Group:" + name("Crew"));
  }

  @Test
  void removingANestedGroupFromItsParentRemovesTheParentsTagFromItsMembers() {
    String ada = user("ada");
    String engineering = directory.createGroup(okta, name("Engineering"), List.of(ada));
    String parent = directory.createGroup(okta, name("Staff"), List.of(engineering));
    directory.converge();
    directory.patchGroup(okta, parent, "{\"op\":\"remove\",\"path\":\"members\"}");
    directory.converge();
    assertThat(directory.tagsOf(WS, ada)).containsExactly("Group:" + name("Engineering"));
  }

  @Test
  void theTagFilterListsExactlyTheUsersCarryingTheTagAcrossPages() {
    List<String> members = IntStream.range(0, 7).mapToObj(i -> user("f" + i)).toList();
    user("outsider");
    String design = name("Design");
    directory.createGroup(okta, design, members);
    directory.converge();
    assertThat(directory.usersWithTag(WS, "Group:" + design, 3)).containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void theWorkspaceListsEachTagWithItsMemberCount() {
    String ada = user("ada");
    String bob = user("bob");
    directory.createGroup(okta, name("Ops"), List.of(ada, bob));
    directory.createGroup(okta, name("Legal"), List.of(bob));
    directory.converge();
    assertThat(directory.tagCounts(WS))
        .containsEntry("Group:" + name("Ops"), 2L)
        .containsEntry("Group:" + name("Legal"), 1L);
  }

  @Test
  void deletingAUserRemovesItsTagsAndItsAppUser() {
    String ada = user("ada");
    String bob = user("bob");
    directory.createGroup(okta, name("Ops"), List.of(ada, bob));
    directory.converge();
    assertThat(directory.scim(okta, "DELETE", "/Users/" + ada, null).status()).isEqualTo(204);
    directory.converge();
    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + WS + "/users/" + ada).status()).isEqualTo(404);
    assertThat(directory.tagCounts(WS)).containsEntry("Group:" + name("Ops"), 1L);
  }

  @Test
  void theAppUserShowsTheProfileItCameFrom() {
    String ada = user("ada");
    directory.converge();
    var view = directory.admin("GET", "/admin/v1/workspaces/" + WS + "/users/" + ada).json();
    assertThat(view.get("email").asText()).isEqualTo("ada-" + okta.connection().id() + "@example.com");
    assertThat(view.get("active").asBoolean()).isTrue();
    assertThat(view.get("sources").get(0).get("connectionId").asText()).isEqualTo(okta.connection().id());
  }

  @Test
  void replayingTheWholeStreamChangesNoTagAndNoCount() {
    String ada = user("ada");
    String group = directory.createGroup(okta, name("Replay"), List.of(ada));
    directory.patchGroup(okta, group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name("Replayed") + "\"}");
    directory.converge();
    Map<String, Long> counts = directory.tagCounts(WS);
    List<String> tags = directory.tagsOf(WS, ada);
    directory.replayFromStart();
    assertThat(directory.tagCounts(WS)).isEqualTo(counts);
    assertThat(directory.tagsOf(WS, ada)).isEqualTo(tags).containsExactly("Group:" + name("Replayed"));
    assertThat(Files.exists(directory.failures())).isFalse();
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + WS + "/users/nobody").status()).isEqualTo(404);
  }

  @Test
  void aUserOfAnotherWorkspaceIsNotFound() {
    String ada = user("ada");
    directory.converge();
    directory.admin("POST", "/admin/v1/workspaces");
    var other = dev.scimlambda.testing.ApiCall.of("POST", "/admin/v1/workspaces")
        .bearer(dev.scimlambda.testing.TestStack.ADMIN_TOKEN).json("{\"name\":\"Other\"}").invoke(directory.admin);
    String otherId = other.json().get("id").asText();
    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + otherId + "/users/" + ada).status()).isEqualTo(404);
  }
}
