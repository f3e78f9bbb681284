package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 10,000-member group: its rename reaches every member's tag through chunked, resumable jobs. */
class LargeGroupTagsTest {

  private static final int MEMBERS = 10_000;
  private static final String WS = "default";
  private static DirectoryHarness directory;
  private static IssuedConnection okta;
  private static List<String> members;
  private static String group;

  @BeforeAll
  static void provisionTenThousandMembers() throws Exception {
    directory = DirectoryHarness.isolated(Map.of());
    okta = directory.newConnection(WS);
    // One at a time: DynamoDB Local serialises writes, so parallel requests only add contention.
    members = IntStream.range(0, MEMBERS).mapToObj(i -> directory.createUser(okta, "user" + i + "@example.com")).toList();
    group = directory.createGroup(okta, "All staff", members);
    directory.converge();
  }

  @AfterAll
  static void stop() {
    directory.close();
  }

  @Test
  void renamingTheGroupRenamesTheTagOfAllTenThousandMembers() {
    directory.patchGroup(okta, group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Everyone\"}");
    directory.converge();
    assertThat(directory.tagCounts(WS)).containsEntry("Group:Everyone", (long) MEMBERS).doesNotContainKey("Group:All staff");
    assertThat(directory.usersWithTag(WS, "Group:Everyone", 200)).containsExactlyInAnyOrderElementsOf(members);
  }
}
