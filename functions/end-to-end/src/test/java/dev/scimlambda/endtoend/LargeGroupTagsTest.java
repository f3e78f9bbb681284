package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.runtime.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A large group's rename reaches every member's tag through chunked, resumable jobs: 1,000 members
 * in chunks of 25 are the 40 chunks a 10,000-member group takes at the default chunk size of 250,
 * each chunk's progress a write whose stream record starts the next. The size itself is measured,
 * not tested: {@code bench/tag-convergence} renames a 10,000-member group in the embedded stack and
 * waits for the new tag on every member (docs/performance.md).
 */
class LargeGroupTagsTest {

  private static final int MEMBERS = 1_000;
  private static final int CHUNK = 25;
  private static final String WS = "default";

  @RegisterExtension
  static final DirectoryHarness directory =
      DirectoryHarness.isolated(Map.of(Setting.TAG_REFRESH_CHUNK_SIZE.property(), String.valueOf(CHUNK)));
  private static IssuedConnection okta;
  private static List<String> members;
  private static String group;

  @BeforeAll
  static void provisionTheMembers() {
    okta = directory.newConnection(WS);
    members = directory.createUsersInBulk(okta, MEMBERS, i -> DirectoryHarness.userJson("user" + i + "@example.com"));
    group = directory.createGroup(okta, "All staff", members);
    directory.converge();
  }

  @Test
  void renamingTheGroupRenamesTheTagOfEveryMemberAcrossFortyChunks() {
    assertThat(directory.tagCounts(WS)).containsEntry("Group:All staff", (long) MEMBERS);

    directory.patchGroup(okta, group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Everyone\"}");
    directory.converge();

    assertThat(directory.tagCounts(WS)).containsEntry("Group:Everyone", (long) MEMBERS).doesNotContainKey("Group:All staff");
    assertThat(directory.usersWithTag(WS, "Group:Everyone", 200)).containsExactlyInAnyOrderElementsOf(members);
  }
}
