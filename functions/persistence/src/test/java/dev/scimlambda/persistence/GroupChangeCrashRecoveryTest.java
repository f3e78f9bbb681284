package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.users.Memberships;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A large group change (more members than one transaction holds) interrupted by a crash before any
 * of its writes is seen whole or not at all, and the IdP's retry completes it exactly once.
 */
class GroupChangeCrashRecoveryTest extends GroupChangeFixture {

  @Test
  void aCrashDuringA250MemberAddIsCompletedByTheNextReadExactlyOnce() {
    List<String> ids = users(250);
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();
    for (int failAt = 1; failAt <= 14; failAt++) {
      AtomicInteger writes = new AtomicInteger();
      Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), failAt, writes), table.tableName()));
      assertThatThrownBy(() -> crashing.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null))
          .isInstanceOf(Crash.class);
      // The next read (a GET reads the group, then its members) sees the change whole or not at all.
      String name = groups.get("c1", marketing).displayName();
      List<String> seen = memberIds(groups, marketing);
      if (name.equals("Renamed")) {
        assertThat(seen).as("after a crash before write %d", failAt).containsExactlyElementsOf(ids);
        assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(250);
      } else {
        assertThat(seen).as("after a crash before write %d", failAt).containsExactly(ids.get(0));
      }
      // The IdP's retry completes it exactly.
      groups.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null);
      assertThat(memberIds(groups, marketing)).containsExactlyElementsOf(ids);
      assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(250);
      ObjectNode backToOne = ScimJson.MAPPER.createObjectNode().put("op", "replace").put("path", "members");
      backToOne.putArray("value").addObject().put("value", ids.get(0));
      groups.patch("c1", marketing, patch(backToOne, rename("Marketing")), null);
      assertThat(memberIds(groups, marketing)).containsExactly(ids.get(0));
      assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(1);
    }
  }

  @Test
  void aCrashDuringA250MemberCreateIsCompletedByTheRetry() {
    List<String> ids = users(250);
    for (int failAt = 1; failAt <= 15; failAt++) {
      String name = "Big " + failAt;
      AtomicInteger writes = new AtomicInteger();
      Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), failAt, writes), table.tableName()));
      assertThatThrownBy(() -> crashing.create("c1", group(name, ids))).isInstanceOf(Crash.class);

      var retried = groups.create("c1", group(name, ids));

      assertThat(retried.group().displayName()).isEqualTo(name);
      assertThat(memberIds(groups, retried.group().id())).as("after a crash before write %d", failAt)
          .containsExactlyElementsOf(ids);
      assertThat(groups.get("c1", retried.group().id()).memberCount()).isEqualTo(250);
      assertThat(rejection(() -> groups.create("c1", group(name, ids))).status())
          .as("a second retry, after the first was answered").isEqualTo(409);
    }
  }

  @Test
  void aUsersGroupsShowAStagedRenameCutShortByACrashCompleted() {
    List<String> ids = users(250);
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();
    for (int failAt = 1; !staged(marketing); failAt++) {
      assertThat(failAt).as("a crash that leaves the change staged").isLessThan(15);
      Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), failAt, new AtomicInteger()),
          table.tableName()));
      assertThatThrownBy(() -> crashing.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null))
          .isInstanceOf(Crash.class);
    }

    List<Memberships.GroupRef> shown = groups.groups("c1", ids.get(0));

    assertThat(shown).containsExactly(new Memberships.GroupRef(marketing, "Renamed", true));
    assertThat(staged(marketing)).isFalse();
  }

  private boolean staged(String groupId) {
    return table.dynamo().getItem(b -> b.tableName(table.tableName()).key(Map.of(
            KeySchema.PK, Item.s(KeySchema.connectionPartition("c1")), KeySchema.SK, Item.s(KeySchema.groupSk(groupId)))))
        .item().containsKey(DynamoGroupStore.PENDING_CHANGE);
  }
}
