package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.groups.GroupNesting.Ancestor;
import dev.scimlambda.scim.groups.GroupNesting;
import dev.scimlambda.scim.groups.Member;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link GroupNesting} over the member index of a real table: memberships written as the store writes them. */
class GroupNestingTest {

  private final TableAccess table = TableFixture.newTable();
  private final DynamoGroupStore store = new DynamoGroupStore(table);
  private final GroupNesting nesting = new GroupNesting(store);

  /** Makes {@code member} a member of {@code group}; group ids start with "g", user ids with "u". */
  private void nest(String member, String group) {
    store.putMembers("c1", group, List.of(new Member(member, member.startsWith("g") ? Member.GROUP : Member.USER, null)));
  }

  private static Problem rejection(Runnable check) {
    try {
      check.run();
    } catch (Problem e) {
      return e;
    }
    throw new AssertionError("not rejected");
  }

  @Test
  void aMemberBelongsToItsGroupsAndToEveryGroupTheyAreNestedIn() {
    nest("u1", "gTeam");
    nest("gTeam", "gDepartment");
    nest("gDepartment", "gCompany");
    assertThat(nesting.ancestors("c1", "u1")).containsExactly(
        new Ancestor("gTeam", true), new Ancestor("gDepartment", false), new Ancestor("gCompany", false));
  }

  @Test
  void aGroupReachedTwiceIsListedOnceAndDirectWins() {
    nest("u1", "gTeam");
    nest("u1", "gCompany");
    nest("gTeam", "gDepartment");
    nest("gDepartment", "gCompany");
    nest("gTeam", "gCompany");
    assertThat(nesting.ancestors("c1", "u1")).containsExactlyInAnyOrder(
        new Ancestor("gTeam", true), new Ancestor("gCompany", true), new Ancestor("gDepartment", false));
  }

  @Test
  void aCycleAlreadyInTheDataEndsTheWalk() {
    nest("u1", "gA");
    nest("gA", "gB");
    nest("gB", "gC");
    nest("gC", "gA");
    assertThat(nesting.ancestors("c1", "u1")).containsExactly(
        new Ancestor("gA", true), new Ancestor("gB", false), new Ancestor("gC", false));
    assertThat(nesting.ancestors("c1", "gA")).containsExactly(new Ancestor("gB", true), new Ancestor("gC", false));
  }

  @Test
  void membershipsOfAnotherConnectionAreNotFollowed() {
    nest("u1", "gTeam");
    store.putMembers("c2", "gOther", List.of(new Member("gTeam", Member.GROUP, null)));
    assertThat(nesting.ancestors("c1", "u1")).containsExactly(new Ancestor("gTeam", true));
  }

  @Test
  void aGroupThatContainsTheGroupCannotBecomeItsMember() {
    nest("gA", "gB");
    nest("gB", "gC");
    Problem self = rejection(() -> nesting.requireNoCycle("c1", "gA", Set.of("gA")));
    Problem parent = rejection(() -> nesting.requireNoCycle("c1", "gA", Set.of("gB")));
    Problem grandparent = rejection(() -> nesting.requireNoCycle("c1", "gA", Set.of("gX", "gC")));
    assertThat(List.of(self, parent, grandparent)).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).isEqualTo(ScimType.invalidValue);
    });
    assertThat(grandparent).hasMessageContaining("gC").hasMessageContaining("cycle");
    nesting.requireNoCycle("c1", "gC", Set.of("gA", "gX"));
  }

  @Test
  void theWalkStopsAtTheCapAndACycleCheckBeyondItIsRefused() {
    List<String> parents = IntStream.rangeClosed(0, GroupNesting.MAX_GROUPS).mapToObj(i -> "gParent" + i).toList();
    nest("gHub", "gTop");
    Member hub = new Member("gHub", Member.GROUP, null);
    BatchWrites.run(table, parents.stream()
        .map(parent -> BatchWrites.put(DynamoGroupStore.memberItem("c1", parent, hub))).toList());
    nest("u1", "gHub");
    List<Ancestor> ancestors = nesting.ancestors("c1", "u1");
    assertThat(ancestors).hasSize(GroupNesting.MAX_GROUPS).startsWith(new Ancestor("gHub", true));
    assertThatThrownBy(() -> nesting.requireNoCycle("c1", "gHub", Set.of("gNew")))
        .isInstanceOf(Problem.class).hasMessageContaining("more than " + GroupNesting.MAX_GROUPS);
  }
}
