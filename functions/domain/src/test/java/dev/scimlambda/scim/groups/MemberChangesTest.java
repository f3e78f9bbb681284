package dev.scimlambda.scim.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.scim.ScimJson;
import org.junit.jupiter.api.Test;

class MemberChangesTest {

  private static JsonNode patch(String operations) {
    try {
      return ScimJson.MAPPER.readTree(
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}");
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Member stored(String id) {
    return new Member(id, Member.USER, "User " + id);
  }

  @Test
  void documentOperationsAreKeptAndMemberOperationsTakenOut() {
    MemberChanges.Split split = MemberChanges.split(patch("""
        {"op":"replace","path":"displayName","value":"Growth"},
        {"op":"add","path":"members","value":[{"value":"u1"}]}"""));
    assertThat(split.documentPatch().get("Operations")).hasSize(1);
    assertThat(split.documentPatch().get("Operations").get(0).get("path").asText()).isEqualTo("displayName");
    assertThat(split.members().adds()).containsOnlyKeys("u1");
    assertThat(split.members().replaceAll()).isFalse();
  }

  @Test
  void onlyMemberOperationsLeaveNoDocumentPatch() {
    assertThat(MemberChanges.split(patch("{\"op\":\"Add\",\"path\":\"Members\",\"value\":[{\"value\":\"u1\"}]}"))
        .documentPatch()).isNull();
  }

  @Test
  void aUrnQualifiedMembersPathIsMembers() {
    MemberChanges changes = MemberChanges.split(patch(
        "{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:Group:members\",\"value\":[{\"value\":\"u1\"}]}"))
        .members();
    assertThat(changes.adds()).containsOnlyKeys("u1");
  }

  @Test
  void membersInsideAPathlessValueAreMemberChangesAndTheRestStaysADocumentChange() {
    MemberChanges.Split split = MemberChanges.split(patch(
        "{\"op\":\"replace\",\"value\":{\"displayName\":\"Growth\",\"members\":[{\"value\":\"u2\"}]}}"));
    assertThat(split.members().replaceAll()).isTrue();
    assertThat(split.members().adds()).containsOnlyKeys("u2");
    JsonNode value = split.documentPatch().get("Operations").get(0).get("value");
    assertThat(value.has("members")).isFalse();
    assertThat(value.get("displayName").asText()).isEqualTo("Growth");
  }

  @Test
  void oktasRemoveThenAddIsOneRemovalAndOneAddition() {
    MemberChanges changes = MemberChanges.split(patch("""
        {"op":"remove","path":"members[value eq \\"u1\\"]"},
        {"op":"add","path":"members","value":[{"value":"u2","display":"Two"}]}""")).members();
    assertThat(changes.removes()).containsExactly("u1");
    assertThat(changes.adds()).containsOnlyKeys("u2");
    assertThat(changes.adds().get("u2").display()).isEqualTo("Two");
  }

  @Test
  void anOrOfValueEqualitiesRemovesEachWithoutReadingMembers() {
    MemberChanges changes = MemberChanges.split(patch(
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\" or value eq \\\"u2\\\"]\"}")).members();
    assertThat(changes.removes()).containsExactlyInAnyOrder("u1", "u2");
    assertThat(changes.hasRemoveFilters()).isFalse();
  }

  @Test
  void otherFiltersSelectStoredMembersUnlessPutBackLater() {
    MemberChanges changes = MemberChanges.split(patch("""
        {"op":"remove","path":"members[display sw \\"User\\"]"},
        {"op":"add","path":"members","value":[{"value":"u2"}]}""")).members();
    assertThat(changes.hasRemoveFilters()).isTrue();
    assertThat(changes.removedByFilter(stored("u1"))).isTrue();
    assertThat(changes.removedByFilter(stored("u2"))).isFalse();
    assertThat(changes.removedByFilter(new Member("u3", Member.USER, "Ada"))).isFalse();
  }

  @Test
  void anAddAfterARemoveOfTheSameMemberWinsAndViceVersa() {
    MemberChanges addWins = MemberChanges.split(patch("""
        {"op":"remove","path":"members","value":[{"value":"u1"}]},
        {"op":"add","path":"members","value":[{"value":"u1"}]}""")).members();
    assertThat(addWins.adds()).containsOnlyKeys("u1");
    assertThat(addWins.removes()).isEmpty();
    MemberChanges removeWins = MemberChanges.split(patch("""
        {"op":"add","path":"members","value":[{"value":"u1"}]},
        {"op":"remove","path":"members[value eq \\"u1\\"]"}""")).members();
    assertThat(removeWins.adds()).isEmpty();
    assertThat(removeWins.removes()).containsExactly("u1");
  }

  @Test
  void removeWithoutValueAndReplaceWithAnEmptyArrayDropEveryMember() {
    for (String operation : new String[] {
        "{\"op\":\"remove\",\"path\":\"members\"}", "{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}"}) {
      MemberChanges changes = MemberChanges.split(patch(operation)).members();
      assertThat(changes.replaceAll()).isTrue();
      assertThat(changes.adds()).isEmpty();
      assertThat(changes.isEmpty()).isFalse();
    }
  }

  @Test
  void changingAMemberInPlaceIsInvalidPath() {
    assertThatThrownBy(() -> MemberChanges.split(patch(
        "{\"op\":\"replace\",\"path\":\"members[value eq \\\"u1\\\"].display\",\"value\":\"X\"}")))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.getMessage()).contains("not changed in place"));
  }

  @Test
  void aMemberWithoutValueOrWithAnUnknownTypeIsInvalidValue() {
    assertThatThrownBy(() -> MemberChanges.split(patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"x\"}]}")))
        .isInstanceOf(Problem.class);
    assertThatThrownBy(() -> MemberChanges.split(patch(
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\",\"type\":\"Printer\"}]}")))
        .isInstanceOf(Problem.class);
  }
}
