package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeListTest {

  @Test
  void theParameterIsSplitAtCommasAndTrimmed() {
    assertThat(AttributeList.parse(" userName, name.givenName ,emails.value"))
        .containsExactly("userName", "name.givenName", "emails.value");
  }

  @Test
  void aMissingOrBlankParameterIsAnEmptyList() {
    assertThat(AttributeList.parse(null)).isEmpty();
    assertThat(AttributeList.parse("  ")).isEmpty();
  }

  @Test
  void emptyEntriesAreSkipped() {
    assertThat(AttributeList.parse("userName,,title,")).containsExactly("userName", "title");
  }

  @Test
  void urnQualifiedPathsAndBareUrnsAreAttributePaths() {
    assertThat(AttributeList.parse(ENTERPRISE + ":manager.value," + ENTERPRISE + ",groups.$ref"))
        .containsExactly(ENTERPRISE + ":manager.value", ENTERPRISE, "groups.$ref");
  }

  @Test
  void refIsANameInAnyCaseLikeTheOthers() {
    assertThat(AttributeList.parse("GROUPS.$REF")).containsExactly("GROUPS.$REF");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name..givenName", "name.", ".name", "emails[type eq \"work\"]", "user name", "a.b.c",
      "urn:", "urn:x", "1abc", "name;x", "\"userName\""})
  void anythingElseIsA400InvalidPath(String parameter) {
    assertThatThrownBy(() -> AttributeList.parse("userName," + parameter))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.invalidPath);
        });
  }
}
