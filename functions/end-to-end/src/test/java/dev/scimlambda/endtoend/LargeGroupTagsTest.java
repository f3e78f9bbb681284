package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 10,000-member group: its rename reaches every member's tag through chunked, resumable jobs. */
class LargeGroupTagsTest {

  private static final int MEMBERS = 10_000;
  private static final String WS = "default";

  @RegisterExtension
  static final DirectoryHarness directory = DirectoryHarness.isolated(Map.of());
  private static IssuedConnection okta;
  private static List<String> members;
  private static String group;

  @BeforeAll
  static void provisionTenThousandMembers() {
    okta = directory.newConnection(WS);
    members = directory.createUsersInBulk(okta, MEMBERS, i -> DirectoryHarness.userJson("user" + i + "@example.com"));
    group = directory.createGroup(okta, "All staff", members);
    directory.converge();
  }

  @Test
  void renamingTheGroupRenamesTheTagOfAllTenThousandMembers() {
    directory.patchGroup(okta, group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Everyone\"}");
    directory.converge();
    assertThat(directory.tagCounts(WS)).containsEntry("Group:Everyone", (long) MEMBERS).doesNotContainKey("Group:All staff");
    assertThat(directory.usersWithTag(WS, "Group:Everyone", 200)).containsExactlyInAnyOrderElementsOf(members);
  }
}
