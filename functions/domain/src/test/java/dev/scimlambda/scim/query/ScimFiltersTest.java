package dev.scimlambda.scim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScimFiltersTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "userName eq \"bjensen\"",
      "name.familyName co \"O'Malley\"",
      "userName sw \"J\"",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
      "title pr",
      "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
      "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
      "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
      "meta.lastModified le \"2011-05-13T04:42:34Z\"",
      "title pr and userType eq \"Employee\"",
      "title pr or userType eq \"Intern\"",
      "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
      "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
      "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
      "userType eq \"Employee\" and (emails.type eq \"work\")",
      "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
      "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"
  })
  void theExampleFiltersOfRfc7644Parse(String filter) {
    assertThat(ScimFilters.parse(filter)).isNotNull();
  }

  @Test
  void operatorsAndAttributeNamesParseInAnyCase() {
    Filter filter = ScimFilters.parse("USERNAME EQ \"x\" AND Active Eq true");

    assertThat(filter.getFilterType()).isEqualTo(FilterType.AND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName", "userName eq", "userName eq 'x'", "userName eq \"x", "(userName eq \"x\"",
      "not userName eq \"x\"", "userName zz \"x\"", "active eq False", "a[b[c eq 1]]", "userName eq \"x\" extra"})
  void aFilterThatDoesNotParseIsA400InvalidFilter(String filter) {
    assertInvalidFilter(filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void anEmptyFilterIsInvalid(String filter) {
    assertInvalidFilter(filter);
  }

  @Test
  void aMissingFilterIsInvalid() {
    assertInvalidFilter(null);
  }

  @Test
  void theDetailIsOneShortLineWithoutTheJsonParsersSourceLocation() {
    assertThatThrownBy(() -> ScimFilters.parse("userName eq tru"))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Source:");
          assertThat(e.getMessage().length()).isLessThanOrEqualTo(200);
        });
  }

  @Test
  void aFilterLongerThan4096CharactersIsRefusedBeforeParsing() {
    String filter = "userName eq \"" + "x".repeat(ScimFilters.MAX_LENGTH) + "\"";

    assertInvalidFilter(filter).hasMessageContaining("4096");
  }

  @Test
  void aFilterOf4096CharactersIsParsed() {
    String prefix = "userName eq \"";
    String filter = prefix + "x".repeat(ScimFilters.MAX_LENGTH - prefix.length() - 1) + "\"";

    assertThat(filter).hasSize(ScimFilters.MAX_LENGTH);
    assertThat(ScimFilters.parse(filter)).isNotNull();
  }

  @Test
  void parenthesesNestedFiftyDeepAreParsed() {
    String filter = "(".repeat(50) + "userName eq \"x\"" + ")".repeat(50);

    assertThat(ScimFilters.parse(filter).getFilterType()).isEqualTo(FilterType.EQUAL);
  }

  @Test
  void parenthesesNestedDeeperThanFiftyAreRefused() {
    String filter = "(".repeat(51) + "userName eq \"x\"" + ")".repeat(51);

    assertInvalidFilter(filter).hasMessageContaining("50");
  }

  @Test
  void nestedNotsCountTowardsTheDepth() {
    String filter = "not (".repeat(51) + "userName eq \"x\"" + ")".repeat(51);

    assertInvalidFilter(filter);
  }

  @Test
  void parenthesesInsideStringsDoNotCountAsNesting() {
    Filter filter = ScimFilters.parse("title eq \"" + "(".repeat(100) + "\"");

    assertThat(filter.getComparisonValue().textValue()).hasSize(100);
  }

  @Test
  void entrasSubAttributeAfterAValueFilterReadsAsOneValueFilter() throws Exception {
    Filter filter = ScimFilters.parse("emails[type eq \"work\"].value eq \"bjensen@example.com\"");

    assertThat(filter).isEqualTo(Filter.fromString("emails[(type eq \"work\") and value eq \"bjensen@example.com\"]"));
  }

  @Test
  void aValueFilterFollowedBySubAttributePresenceReadsAsOneValueFilter() throws Exception {
    Filter filter = ScimFilters.parse("emails[type eq \"work\"].value pr and active eq true");

    assertThat(filter).isEqualTo(Filter.fromString("emails[(type eq \"work\") and value pr] and active eq true"));
  }

  @Test
  void aValueFilterWithSubAttributeCombinesWithOtherTerms() throws Exception {
    Filter filter = ScimFilters.parse("(emails[type eq \"work\"].value eq \"a]b\" or userName eq \"x\")");

    assertThat(filter).isEqualTo(Filter.fromString("emails[(type eq \"work\") and value eq \"a]b\"] or userName eq \"x\""));
  }

  @Test
  void bracketsAndDotsInsideStringsAreNotRewritten() {
    Filter filter = ScimFilters.parse("title eq \"a[b].c eq d\"");

    assertThat(filter.getComparisonValue().textValue()).isEqualTo("a[b].c eq d");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalidFilter(String filter) {
    return assertThatThrownBy(() -> ScimFilters.parse(filter))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter);
        });
  }
}
