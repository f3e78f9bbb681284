package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.GroupStore.LookupKey;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.scim.users.ScimUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoGroupStoreTest {

  final TableAccess table = newTable();
  final DynamoGroupStore store = new DynamoGroupStore(table);
  final DynamoUserStore users = new DynamoUserStore(table);
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  TableAccess newTable() {
    return TableFixture.newTable();
  }

  private ScimGroup group(String id, String displayName, String externalId, long version) {
    ObjectNode document = ScimJson.MAPPER.createObjectNode().put("displayName", displayName);
    return new ScimGroup("c1", id, document, displayName.toLowerCase(Locale.ROOT), externalId, 0, now, now, version);
  }

  private void user(String connectionId, String id, String userName) {
    ObjectNode document = ScimJson.MAPPER.createObjectNode().put("userName", userName);
    users.create(new ScimUser(connectionId, id, document, userName, null, Set.of(), true, now, now, 1));
  }

  private static List<Member> members(int n) {
    return IntStream.range(0, n).mapToObj(i -> new Member(String.format("m%03d", i), Member.USER, "M " + i)).toList();
  }

  private List<Member> allMembers(String groupId) {
    List<Member> all = new ArrayList<>();
    String after = null;
    do {
      var page = store.members("c1", groupId, after, 7);
      all.addAll(page.members());
      after = page.lastMemberId();
    } while (after != null);
    return all;
  }

  @Test
  void aCreatedGroupReadsBackUnchanged() {
    ScimGroup marketing = group("g1", "Marketing", "ext-1", 1);
    store.create(marketing);
    assertThat(store.find("c1", "g1")).contains(marketing);
    assertThat(store.findId("c1", LookupKey.DISPLAY_NAME, "marketing")).contains("g1");
    assertThat(store.findId("c1", LookupKey.EXTERNAL_ID, "ext-1")).contains("g1");
    assertThat(store.count("c1")).isEqualTo(1);
  }

  @Test
  void displayNameAndExternalIdAreUnique() {
    store.create(group("g1", "Marketing", "ext", 1));
    assertThatThrownBy(() -> store.create(group("g2", "MARKETING", null, 1)))
        .isInstanceOfSatisfying(UniquenessViolation.class, e -> assertThat(e.attribute()).isEqualTo("displayName"));
    assertThatThrownBy(() -> store.create(group("g3", "Sales", "ext", 1)))
        .isInstanceOfSatisfying(UniquenessViolation.class, e -> assertThat(e.attribute()).isEqualTo("externalId"));
    assertThat(store.find("c1", "g2")).isEmpty();
    assertThat(store.find("c1", "g3")).isEmpty();
  }

  @Test
  void aReplaceMovesTheGuardsAndAStaleOneIsRefused() {
    ScimGroup v1 = group("g1", "Marketing", "ext", 1);
    store.create(v1);
    store.replace(v1, group("g1", "Growth", "ext2", 2));
    assertThat(store.findId("c1", LookupKey.DISPLAY_NAME, "marketing")).isEmpty();
    assertThat(store.findId("c1", LookupKey.DISPLAY_NAME, "growth")).contains("g1");
    assertThat(store.findId("c1", LookupKey.EXTERNAL_ID, "ext2")).contains("g1");
    assertThatThrownBy(() -> store.replace(v1, group("g1", "Other", null, 2))).isInstanceOf(VersionMismatch.class);
    store.create(group("g2", "Marketing", "ext", 1));
  }

  @Test
  void membersAreItemsWrittenInBatchesAndPagedInIdOrder() {
    store.create(group("g1", "Marketing", null, 1));
    List<Member> members = members(60);
    store.putMembers("c1", "g1", members);
    assertThat(allMembers("g1")).containsExactlyElementsOf(members);
    assertThat(store.countMembers("c1", "g1")).isEqualTo(60);
    store.removeMembers("c1", "g1", members.subList(0, 30).stream().map(Member::value).toList());
    assertThat(allMembers("g1")).containsExactlyElementsOf(members.subList(30, 60));
    // The group item never holds the members.
    assertThat(store.find("c1", "g1").orElseThrow().document().has("members")).isFalse();
  }

  @Test
  void aMembersGroupsComeFromTheIndex() {
    store.create(group("g1", "Marketing", null, 1));
    store.create(group("g2", "Sales", null, 1));
    Member ada = new Member("u1", Member.USER, "Ada");
    store.putMembers("c1", "g1", List.of(ada));
    store.putMembers("c1", "g2", List.of(ada));
    assertThat(store.groupIdsOf("c1", "u1")).containsExactlyInAnyOrder("g1", "g2");
    assertThat(store.removeFromAllGroups("c1", "u1")).containsExactlyInAnyOrder("g1", "g2");
    assertThat(store.groupIdsOf("c1", "u1")).isEmpty();
    assertThat(allMembers("g1")).isEmpty();
  }

  @Test
  void touchBumpsTheVersionAndSetsTheMemberCount() {
    store.create(group("g1", "Marketing", null, 1));
    assertThat(store.putMembers("c1", "g1", members(3))).isEqualTo(3);
    ScimGroup touched = store.touch("c1", "g1", null, now.plusSeconds(1), 3).orElseThrow();
    assertThat(touched.version()).isEqualTo(2);
    assertThat(touched.memberCount()).isEqualTo(3);
    assertThat(touched.lastModified()).isEqualTo(now.plusSeconds(1));
    assertThatThrownBy(() -> store.touch("c1", "g1", 1L, now, 0)).isInstanceOf(VersionMismatch.class);
    ScimGroup again = store.touch("c1", "g1", 2L, now, -1).orElseThrow();
    assertThat(again.version()).isEqualTo(3);
    assertThat(again.memberCount()).isEqualTo(2);
    assertThat(store.touch("c1", "nope", null, now, 0)).isEmpty();
  }

  @Test
  void putAndRemoveCountOnlyWhatChanged() {
    store.create(group("g1", "Marketing", null, 1));
    List<Member> members = members(30);
    assertThat(store.putMembers("c1", "g1", members.subList(0, 20))).isEqualTo(20);
    assertThat(store.putMembers("c1", "g1", members)).isEqualTo(10);
    assertThat(store.removeMembers("c1", "g1", List.of("m000", "m001", "nobody"))).isEqualTo(2);
    assertThat(store.countMembers("c1", "g1")).isEqualTo(28);
  }

  @Test
  void deletingAGroupDeletesItsGuardsCountAndMemberships() {
    ScimGroup marketing = group("g1", "Marketing", "ext", 1);
    store.create(marketing);
    store.putMembers("c1", "g1", members(40));
    store.delete(marketing);
    assertThat(store.find("c1", "g1")).isEmpty();
    assertThat(store.count("c1")).isZero();
    assertThat(allMembers("g1")).isEmpty();
    assertThat(store.groupIdsOf("c1", "m001")).isEmpty();
    store.create(group("g2", "Marketing", "ext", 1));
  }

  @Test
  void deletingAStaleVersionIsRefused() {
    ScimGroup v1 = group("g1", "Marketing", null, 1);
    store.create(v1);
    store.touch("c1", "g1", null, now, 0);
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionMismatch.class);
    assertThat(store.find("c1", "g1")).isPresent();
  }

  @Test
  void resolveFindsUsersAndGroupsOfTheConnectionOnly() {
    user("c1", "u1", "ada");
    user("c2", "u2", "bob");
    store.create(group("g1", "Marketing", null, 1));
    var found = store.resolve("c1", List.of("u1", "u2", "g1", "nope", "bad#id"));
    assertThat(found).containsOnlyKeys("u1", "g1");
    assertThat(found.get("u1")).isEqualTo(new Member("u1", Member.USER, "ada"));
    assertThat(found.get("g1")).isEqualTo(new Member("g1", Member.GROUP, "Marketing"));
  }

  @Test
  void resolveReadsMoreIdsThanOneBatch() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      user("c1", "u" + i, "user" + i);
      ids.add("u" + i);
    }
    assertThat(store.resolve("c1", ids)).hasSize(120);
  }

  @Test
  void pagesWalkEveryGroupOnceInIdOrder() {
    for (int i = 0; i < 7; i++) {
      store.create(group("g" + i, "Group " + i, null, 1));
    }
    store.putMembers("c1", "g0", members(5));
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      var page = store.page("c1", after, 3);
      page.groups().forEach(g -> seen.add(g.id()));
      after = page.lastId();
    } while (after != null);
    assertThat(seen).containsExactly("g0", "g1", "g2", "g3", "g4", "g5", "g6");
    assertThat(store.count("c1")).isEqualTo(7);
    assertThat(store.page("c2", null, 10).groups()).isEmpty();
  }

  @Test
  void findAllReadsGroupsInBatchesAndLeavesOutIdsOfNoGroup() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      String id = String.format("g%03d", i);
      store.create(group(id, "Team " + i, null, 1));
      ids.add(id);
    }
    user("c1", "u1", "ada");

    var found = store.findAll("c1", java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of("u1", "nope")).toList());

    assertThat(found).containsOnlyKeys(ids);
    assertThat(found.get("g129").displayName()).isEqualTo("Team 129");
  }

  @Test
  void findAllSeesNoGroupOfAnotherConnection() {
    store.create(group("g1", "Engineering", null, 1));

    assertThat(store.findAll("c2", List.of("g1"))).isEmpty();
  }
}
