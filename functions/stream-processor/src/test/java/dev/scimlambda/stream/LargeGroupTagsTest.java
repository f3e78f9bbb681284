package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    directory = new DirectoryHarness(Map.of());
    okta = directory.newConnection(WS);
    long t0 = System.nanoTime();
    ExecutorService idp = Executors.newFixedThreadPool(8);
    try {
      members = idp.submit(() -> IntStream.range(0, MEMBERS).parallel()
          .mapToObj(i -> directory.createUser(okta, "user" + i + "@example.com")).toList()).get();
    } finally {
      idp.shutdown();
    }
    long t1 = System.nanoTime();
    group = directory.createGroup(okta, "All staff", members);
    long t2 = System.nanoTime();
    directory.converge();
    long t3 = System.nanoTime();
    System.err.printf("users %d ms, group %d ms, converge %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    directory.close();
  }

  @Test
  void renamingTheGroupRenamesTheTagOfAllTenThousandMembers() {
    long t0 = System.nanoTime();
    directory.patchGroup(okta, group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Everyone\"}");
    long t1 = System.nanoTime();
    directory.converge();
    long t2 = System.nanoTime();
    System.err.printf("rename api %d ms, converge %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    assertThat(directory.tagCounts(WS)).containsEntry("Group:Everyone", (long) MEMBERS).doesNotContainKey("Group:All staff");
    assertThat(directory.usersWithTag(WS, "Group:Everyone", 200)).containsExactlyInAnyOrderElementsOf(members);
  }
}
