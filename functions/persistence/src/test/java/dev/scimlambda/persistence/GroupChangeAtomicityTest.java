package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.Groups;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A group PATCH, PUT or POST is all or nothing (RFC 7644 §3.5.2), over a real table: refusals change
 * nothing, a small change is one transaction. Crashes in the middle of large ones:
 * {@link GroupChangeCrashRecoveryTest}.
 */
class GroupChangeAtomicityTest extends GroupChangeFixture {

  @Test
  void aPatchAddingAMemberAndRenamingToATakenNameAnswers409AndAddsNoMember() {
    List<String> ids = users(2);
    groups.create("c1", group("Sales", List.of()));
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();

    Problem refused = rejection(() -> groups.patch("c1", marketing, patch(addMembers(List.of(ids.get(1))), rename("sales")), null));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.scimType()).isEqualTo(ScimType.uniqueness);
    assertThat(memberIds(groups, marketing)).containsExactly(ids.get(0));
    assertThat(groups.get("c1", marketing).displayName()).isEqualTo("Marketing");
    assertThat(groups.get("c1", marketing).version()).isEqualTo(1);
  }

  @Test
  void aPatchWithAnInvalidOperationAfterValidMemberAddsChangesNothing() {
    List<String> ids = users(2);
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();
    ObjectNode invalid = ScimJson.MAPPER.createObjectNode().put("op", "replace").put("path", "nosuchattribute").put("value", "x");

    Problem refused = rejection(() -> groups.patch("c1", marketing, patch(addMembers(List.of(ids.get(1))), invalid), null));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(memberIds(groups, marketing)).containsExactly(ids.get(0));
    assertThat(groups.get("c1", marketing).version()).isEqualTo(1);
  }

  @Test
  void aPatchAddingAnUnknownMemberAmongValidOnesChangesNothing() {
    List<String> ids = users(2);
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();

    Problem refused = rejection(() ->
        groups.patch("c1", marketing, patch(addMembers(List.of(ids.get(0), "nobody")), rename("Renamed")), null));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(groups.get("c1", marketing).displayName()).isEqualTo("Marketing");
  }

  @Test
  void aSmallPatchIsOneTransaction() {
    List<String> ids = users(40);
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();
    AtomicInteger writes = new AtomicInteger();
    Groups counted = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), Integer.MAX_VALUE, writes), table.tableName()));

    counted.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null);

    assertThat(writes).hasValue(1);
    assertThat(memberIds(groups, marketing)).containsExactlyElementsOf(ids);
    assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(40);
  }

  @Test
  void a60MemberCreateIsOneTransactionSoACrashLeavesNothingAndTheRetryCreatesItWhole() {
    List<String> ids = users(60);
    AtomicInteger writes = new AtomicInteger();
    Groups counted = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), Integer.MAX_VALUE, writes), table.tableName()));
    counted.create("c1", group("Counted", ids));
    assertThat(writes).hasValue(1);

    Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), 1, new AtomicInteger()), table.tableName()));
    assertThatThrownBy(() -> crashing.create("c1", group("Team", ids))).isInstanceOf(Crash.class);
    var retried = groups.create("c1", group("Team", ids));

    assertThat(memberIds(groups, retried.group().id())).containsExactlyElementsOf(ids);
    assertThat(groups.get("c1", retried.group().id()).memberCount()).isEqualTo(60);
  }

  private long changeParts(String groupId) {
    return table.itemsWithPrefix(KeySchema.groupMembersPartition("c1", groupId), "CHANGE#", true).count();
  }

  @Test
  void a250MemberAddWithARenameToATakenNameAnswers409AndLeavesNothingBehind() {
    List<String> ids = users(250);
    groups.create("c1", group("Sales", List.of()));
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();

    Problem refused = rejection(() -> groups.patch("c1", marketing, patch(addMembers(ids), rename("SALES")), null));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.scimType()).isEqualTo(ScimType.uniqueness);
    assertThat(groups.get("c1", marketing).version()).isEqualTo(1);
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(changeParts(marketing)).isZero();
  }

  @Test
  void aCompletedStagedChangeLeavesOnlyTheGroupAndItsMembers() {
    List<String> ids = users(250);
    String marketing = groups.create("c1", group("Marketing", ids)).group().id();

    groups.patch("c1", marketing, patch(rename("Renamed"), ScimJson.MAPPER.createObjectNode().put("op", "remove").put("path", "members")), null);

    assertThat(changeParts(marketing)).isZero();
    assertThat(table.dynamo().getItem(b -> b.tableName(table.tableName())
        .key(java.util.Map.of(KeySchema.PK, Item.s(KeySchema.connectionPartition("c1")), KeySchema.SK, Item.s(KeySchema.groupSk(marketing)))))
        .item()).doesNotContainKeys(DynamoGroupStore.PENDING_CHANGE, DynamoGroupStore.UNANSWERED_CREATE);
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(groups.get("c1", marketing).memberCount()).isZero();
    assertThat(groups.get("c1", marketing).version()).isEqualTo(2);
  }

  @Test
  void completingAStagedChangeKeepsTheGroupVersionSoNoSecondRevisionIsDerived() {
    java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> pending = new java.util.HashMap<>(
        java.util.Map.of("entity", Item.s(DynamoGroupStore.ENTITY), "connectionId", Item.s("c1"), "id", Item.s("g1"),
            "document", Item.s("{\"displayName\":\"Marketing\"}"), "version", Item.n(2), "memberCount", Item.n(250),
            "lastModified", Item.s(Instant.now().toString()), DynamoGroupStore.PENDING_CHANGE, Item.s("change")));
    var complete = new java.util.HashMap<>(pending);
    complete.remove(DynamoGroupStore.PENDING_CHANGE);

    ItemChanges.GroupChanged marked = (ItemChanges.GroupChanged) ItemChanges.of(pending, complete);

    assertThat(marked.before().version()).isEqualTo(marked.after().version());
  }

  @Test
  void aRetriedCreateOfADifferentGroupWithATakenNameStillAnswers409() {
    List<String> ids = users(2);
    groups.create("c1", group("Sales", List.of(ids.get(0))));

    Problem refused = rejection(() -> groups.create("c1", group("Sales", List.of(ids.get(1)))));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.scimType()).isEqualTo(ScimType.uniqueness);
  }

  @Test
  void contentionThatPersistsIsContentionNot409AndChangesNothing() {
    List<String> ids = users(1);
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();
    Groups contended = groupsOver(new TableAccess(conflicting(table.dynamo()), table.tableName()));

    assertThatThrownBy(() -> contended.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null))
        .isInstanceOfSatisfying(Contention.class, e -> assertThat(e.retryAfter()).isPositive());
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(groups.get("c1", marketing).displayName()).isEqualTo("Marketing");
  }
}
