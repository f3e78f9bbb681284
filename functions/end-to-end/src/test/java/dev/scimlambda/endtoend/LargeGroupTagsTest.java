package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    // Through /Bulk, 100 creates a request, one request at a time: DynamoDB Local serialises writes,
    // so parallel requests only add contention.
    members = new ArrayList<>();
    for (int first = 0; first < MEMBERS; first += 100) {
      members.addAll(createUsers(first, Math.min(MEMBERS, first + 100)));
    }
    group = directory.createGroup(okta, "All staff", members);
    directory.converge();
  }

  private static List<String> createUsers(int from, int to) {
    String operations = IntStream.range(from, to)
        .mapToObj(i -> "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u" + i + "\",\"data\":"
            + DirectoryHarness.userJson("user" + i + "@example.com") + "}")
        .collect(Collectors.joining(","));
    ApiResult result = directory.scim(okta, "POST", "/Bulk",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations + "]}");
    List<String> ids = new ArrayList<>();
    result.json().get("Operations").forEach(op -> {
      if (!"201".equals(op.get("status").asText())) {
        throw new AssertionError("bulk create failed: " + op);
      }
      String location = op.get("location").asText();
      ids.add(location.substring(location.lastIndexOf('/') + 1));
    });
    return ids;
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
