package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.BJENSEN_ID;
import static dev.scimlambda.scim.query.Fixtures.DEVICE;
import static dev.scimlambda.scim.query.Fixtures.bjensenMatches;
import static dev.scimlambda.scim.query.Fixtures.filter;
import static dev.scimlambda.scim.query.Fixtures.json;
import static dev.scimlambda.scim.query.Fixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The comparison operators of RFC 7644 §3.4.2.2, by attribute type. */
class FilterOperatorsTest {

  @Test
  void eqComparesStringsIgnoringCase() {
    assertThat(bjensenMatches("userName eq \"BJensen@Example.COM\"")).isTrue();
  }

  @Test
  void eqComparesCaseExactAttributesExactly() {
    assertThat(bjensenMatches("id eq \"" + BJENSEN_ID + "\"")).isTrue();
    assertThat(bjensenMatches("id eq \"" + BJENSEN_ID.toUpperCase() + "\"")).isFalse();
  }

  @Test
  void neMatchesWhenTheValueDiffers() {
    assertThat(bjensenMatches("userType ne \"Intern\"")).isTrue();
    assertThat(bjensenMatches("userType ne \"employee\"")).isFalse();
  }

  @Test
  void neMatchesAResourceWithoutTheAttribute() {
    assertThat(bjensenMatches("nickName ne \"x\"")).isTrue();
    assertThat(matches("nickName ne \"x\"", json("{\"id\":\"1\"}"))).isTrue();
  }

  @Test
  void neOnAMultiValuedAttributeMeansNoValueIsEqual() {
    assertThat(bjensenMatches("emails.type ne \"home\"")).isFalse();
    assertThat(bjensenMatches("emails.type ne \"other\"")).isTrue();
  }

  @Test
  void coMatchesASubstringIgnoringCase() {
    assertThat(bjensenMatches("displayName co \"S JEN\"")).isTrue();
    assertThat(bjensenMatches("displayName co \"smith\"")).isFalse();
  }

  @Test
  void swMatchesAPrefixIgnoringCase() {
    assertThat(bjensenMatches("title sw \"tour\"")).isTrue();
    assertThat(bjensenMatches("title sw \"guide\"")).isFalse();
  }

  @Test
  void ewMatchesASuffixIgnoringCase() {
    assertThat(bjensenMatches("title ew \"GUIDE\"")).isTrue();
    assertThat(bjensenMatches("title ew \"tour\"")).isFalse();
  }

  @Test
  void substringOperatorsOnCaseExactAttributesRespectCase() {
    assertThat(bjensenMatches("id sw \"2819c223\"")).isTrue();
    assertThat(bjensenMatches("id co \"7F76\"")).isFalse();
  }

  @Test
  void prMatchesAnAssignedAttribute() {
    assertThat(bjensenMatches("title pr")).isTrue();
    assertThat(bjensenMatches("emails pr")).isTrue();
    assertThat(bjensenMatches("name.givenName pr")).isTrue();
    assertThat(bjensenMatches("active pr")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"title\":null}", "{\"title\":\"\"}", "{\"title\":[]}", "{\"title\":{}}"})
  void prDoesNotMatchAnUnassignedAttribute(String resource) {
    assertThat(matches("title pr", json(resource))).isFalse();
  }

  @Test
  void prOnAMultiValuedComplexAttributeIgnoresEmptyValues() {
    assertThat(matches("emails pr", json("{\"emails\":[{}]}"))).isFalse();
    assertThat(matches("emails.value pr", json("{\"emails\":[{\"type\":\"work\"}]}"))).isFalse();
  }

  @Test
  void gtAndLtOrderStringsIgnoringCase() {
    assertThat(bjensenMatches("title gt \"TOUR\"")).isTrue();
    assertThat(bjensenMatches("title lt \"tour guidf\"")).isTrue();
    assertThat(bjensenMatches("title lt \"tour\"")).isFalse();
  }

  @Test
  void geAndLeIncludeEqualStrings() {
    assertThat(bjensenMatches("title ge \"TOUR GUIDE\"")).isTrue();
    assertThat(bjensenMatches("title le \"tour guide\"")).isTrue();
  }

  @Test
  void dateTimesCompareChronologicallyAcrossOffsets() {
    assertThat(bjensenMatches("meta.lastModified eq \"2011-05-13T06:42:34+02:00\"")).isTrue();
    assertThat(bjensenMatches("meta.lastModified gt \"2011-05-13T05:42:34+02:00\"")).isTrue();
    assertThat(bjensenMatches("meta.lastModified lt \"2011-05-13T04:42:34.001Z\"")).isTrue();
  }

  @Test
  void aDateTimeWithoutOffsetIsTakenAsUtc() {
    assertThat(bjensenMatches("meta.created eq \"2010-01-23T04:56:22\"")).isTrue();
  }

  @Test
  void integersCompareNumerically() {
    ObjectNode device = json("{\"seats\": 9}");

    assertThat(FilterEvaluator.matches(filter("seats lt 10"), device, DEVICE)).isTrue();
    assertThat(FilterEvaluator.matches(filter("seats ge 9"), device, DEVICE)).isTrue();
    assertThat(FilterEvaluator.matches(filter("seats gt 9"), device, DEVICE)).isFalse();
  }

  @Test
  void decimalsCompareNumericallyWhateverTheirScale() {
    ObjectNode device = json("{\"weight\": 1.5}");

    assertThat(FilterEvaluator.matches(filter("weight eq 1.50"), device, DEVICE)).isTrue();
    assertThat(FilterEvaluator.matches(filter("weight le 2"), device, DEVICE)).isTrue();
  }

  @Test
  void numbersStoredAsTextStillCompareNumerically() {
    assertThat(FilterEvaluator.matches(filter("seats gt 10"), json("{\"seats\":\"100\"}"), DEVICE)).isTrue();
  }

  @Test
  void booleansCompareWithTrueAndFalse() {
    assertThat(bjensenMatches("active eq true")).isTrue();
    assertThat(bjensenMatches("active eq false")).isFalse();
    assertThat(bjensenMatches("active ne false")).isTrue();
  }

  @Test
  void booleansStoredAsTextCompareAsBooleans() {
    assertThat(matches("active eq false", json("{\"active\":\"False\"}"))).isTrue();
  }

  @Test
  void eqNullMatchesAnUnassignedAttributeAndNeNullAnAssignedOne() {
    assertThat(bjensenMatches("nickName eq null")).isFalse();
    assertThat(bjensenMatches("nickName ne null")).isTrue();
    assertThat(matches("nickName eq null", json("{\"nickName\":\"\"}"))).isTrue();
  }
}
