package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.DEVICE;
import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static dev.scimlambda.scim.query.Fixtures.USER;
import static dev.scimlambda.scim.query.Fixtures.bjensenMatches;
import static dev.scimlambda.scim.query.Fixtures.filter;
import static dev.scimlambda.scim.query.Fixtures.json;
import static dev.scimlambda.scim.query.Fixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Combinations RFC 7644 rejects with 400 invalidFilter, whatever the data. */
class FilterRejectionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"active gt true", "active ge false", "active lt true", "active le false"})
  void orderingBooleansIsInvalid(String filter) {
    assertInvalidFilter(filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name gt \"a\"", "meta lt \"a\"", ENTERPRISE + " ge \"a\"", "addresses le \"a\""})
  void orderingComplexAttributesIsInvalid(String filter) {
    assertInvalidFilter(filter);
  }

  @Test
  void orderingBinaryAttributesIsInvalid() {
    assertInvalidFilter("x509Certificates.value gt \"MII\"");
  }

  @Test
  void comparingAnyAttributeGreaterThanABooleanIsInvalid() {
    assertInvalidFilter("title gt true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"active co \"tr\"", "active sw \"t\"", "active ew \"e\""})
  void substringOperatorsOnBooleansAreInvalid(String filter) {
    assertInvalidFilter(filter);
  }

  @Test
  void substringOperatorsOnNumbersAreInvalid() {
    assertThatThrownBy(() -> FilterEvaluator.matches(filter("seats co 1"), json("{}"), DEVICE))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter));
  }

  @ParameterizedTest
  @ValueSource(strings = {"active eq 1", "active eq \"yes\"", "meta.lastModified gt \"yesterday\"",
      "meta.lastModified eq 2011", "title lt null", "userName[value eq \"x\"]"})
  void aComparisonValueThatDoesNotFitTheAttributeIsInvalid(String filter) {
    assertInvalidFilter(filter);
  }

  @Test
  void aNumberAttributeComparedWithTextIsInvalid() {
    assertThatThrownBy(() -> FilterEvaluator.matches(filter("seats gt \"many\""), json("{}"), DEVICE))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter));
  }

  @Test
  void invalidCombinationsAreRejectedEvenWhereNoResourceHasTheAttribute() {
    assertThatThrownBy(() -> FilterEvaluator.compile(filter("userName eq \"x\" or active gt true"), USER))
        .isInstanceOf(Problem.class);
  }

  private void assertInvalidFilter(String filter) {
    assertThatThrownBy(() -> bjensenMatches(filter))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter);
        });
  }
}
