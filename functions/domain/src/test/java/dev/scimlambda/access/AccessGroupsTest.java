package dev.scimlambda.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessGroupsTest {

  private static AccessGroups of(String... groups) {
    return new AccessGroups("c", List.of(groups), null);
  }

  @Test
  void noAccessGroupsGrantEveryoneEvenInNoGroup() {
    assertThat(AccessGroups.none("c").grants(List.of())).isTrue();
  }

  @Test
  void aUserInNoneOfTheGroupsHasNoAccess() {
    assertThat(of("Engineering").grants(List.of("Sales", "Marketing"))).isFalse();
  }

  @Test
  void oneMatchingGroupIsEnough() {
    assertThat(of("Engineering", "Contractors").grants(List.of("Sales", "Contractors"))).isTrue();
  }

  @Test
  void namesAreComparedTrimmedAndIgnoringCase() {
    assertThat(of(" engineering ").grants(List.of("Engineering"))).isTrue();
  }
}
