package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.BJENSEN_ID;
import static dev.scimlambda.scim.query.Fixtures.CORE;
import static dev.scimlambda.scim.query.Fixtures.DEVICE;
import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static dev.scimlambda.scim.query.Fixtures.USER;
import static dev.scimlambda.scim.query.Fixtures.bjensen;
import static dev.scimlambda.scim.query.Fixtures.bjensenMatches;
import static dev.scimlambda.scim.query.Fixtures.filter;
import static dev.scimlambda.scim.query.Fixtures.json;
import static dev.scimlambda.scim.query.Fixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimType;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterEvaluatorTest {

  /** RFC 7644 §3.4.2.2's example filters, against RFC 7643's Barbara Jensen. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "userName eq \"bjensen\"                                   | false",
      "userName eq \"bjensen@example.com\"                       | true",
      "name.familyName co \"O'Malley\"                           | false",
      "name.familyName co \"ens\"                                | true",
      "userName sw \"J\"                                         | false",
      "userName sw \"B\"                                         | true",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\" | false",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"B\" | true",
      "title pr                                                  | true",
      "meta.lastModified gt \"2011-05-13T04:42:34Z\"             | false",
      "meta.lastModified ge \"2011-05-13T04:42:34Z\"             | true",
      "meta.lastModified lt \"2011-05-13T04:42:34Z\"             | false",
      "meta.lastModified le \"2011-05-13T04:42:34Z\"             | true",
      "title pr and userType eq \"Employee\"                     | true",
      "title pr or userType eq \"Intern\"                        | true",
      "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\" | true",
      "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\") | true",
      "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\") | false",
      "userType eq \"Employee\" and (emails.type eq \"work\")    | true",
      "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"] | true",
      "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"] | true",
  })
  void theRfcExampleFiltersSelectBarbaraJensenAsTheSpecificationMeans(String filter, boolean expected) {
    assertThat(bjensenMatches(filter)).isEqualTo(expected);
  }

  @Nested
  class Operators {

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

  @Nested
  class LogicalOperators {

    @Test
    void andNeedsEveryOperand() {
      assertThat(bjensenMatches("title pr and userType eq \"Employee\" and active eq true")).isTrue();
      assertThat(bjensenMatches("title pr and userType eq \"Intern\"")).isFalse();
    }

    @Test
    void orNeedsOneOperand() {
      assertThat(bjensenMatches("userType eq \"Intern\" or active eq true")).isTrue();
      assertThat(bjensenMatches("userType eq \"Intern\" or active eq false")).isFalse();
    }

    @Test
    void notInvertsItsOperand() {
      assertThat(bjensenMatches("not (userType eq \"Intern\")")).isTrue();
      assertThat(bjensenMatches("not (userType eq \"Employee\")")).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
      assertThat(bjensenMatches("active eq true or userType eq \"Intern\" and title pr")).isTrue();
      assertThat(bjensenMatches("(active eq true or userType eq \"Intern\") and nickName eq \"x\"")).isFalse();
    }
  }

  @Nested
  class Paths {

    @Test
    void aSubAttributePathReadsInsideAComplexAttribute() {
      assertThat(bjensenMatches("name.familyName eq \"jensen\"")).isTrue();
    }

    @Test
    void aMultiValuedSubAttributeMatchesWhenAnyValueDoes() {
      assertThat(bjensenMatches("emails.value eq \"babs@jensen.org\"")).isTrue();
      assertThat(bjensenMatches("emails.type eq \"home\"")).isTrue();
    }

    @Test
    void aComparisonOnAMultiValuedComplexAttributeComparesItsValue() {
      assertThat(bjensenMatches("emails eq \"babs@jensen.org\"")).isTrue();
      assertThat(bjensenMatches("emails eq \"home\"")).isFalse();
    }

    @Test
    void aValueFilterNeedsOneValueToSatisfyItWhole() {
      assertThat(bjensenMatches("emails[type eq \"work\" and value co \"@example.com\"]")).isTrue();
      assertThat(bjensenMatches("emails[type eq \"home\" and value co \"@example.com\"]")).isFalse();
    }

    @Test
    void aValueFilterMayUseOrAndNot() {
      assertThat(bjensenMatches("emails[not (type eq \"work\") and value ew \".org\"]")).isTrue();
      assertThat(bjensenMatches("addresses[postalCode eq \"00000\" or locality eq \"hollywood\"]")).isTrue();
    }

    @Test
    void entrasSubAttributeAfterAValueFilterMatchesLikeTheValueFilter() {
      assertThat(bjensenMatches("emails[type eq \"work\"].value eq \"bjensen@example.com\"")).isTrue();
      assertThat(bjensenMatches("emails[type eq \"work\"].value eq \"babs@jensen.org\"")).isFalse();
    }

    @Test
    void anExtensionAttributeIsAddressedByItsSchemaUrn() {
      assertThat(bjensenMatches(ENTERPRISE + ":department eq \"tour operations\"")).isTrue();
      assertThat(bjensenMatches(ENTERPRISE + ":department eq \"sales\"")).isFalse();
    }

    @Test
    void anExtensionSubAttributeIsAddressedByItsSchemaUrn() {
      assertThat(bjensenMatches(ENTERPRISE + ":manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"")).isTrue();
      assertThat(bjensenMatches(ENTERPRISE + ":manager.displayName sw \"john\"")).isTrue();
    }

    @Test
    void aBareExtensionUrnIsTheWholeExtensionObject() {
      assertThat(bjensenMatches(ENTERPRISE + " pr")).isTrue();
      assertThat(matches(ENTERPRISE + " pr", json("{\"userName\":\"x\"}"))).isFalse();
    }

    @Test
    void aCoreUrnPrefixIsTheSameAsNone() {
      assertThat(bjensenMatches(CORE + ":name.givenName eq \"barbara\"")).isTrue();
      assertThat(bjensenMatches(CORE + ":meta.resourceType eq \"User\"")).isTrue();
    }

    @Test
    void attributeNamesInTheFilterMatchInAnyCase() {
      assertThat(bjensenMatches("USERNAME eq \"bjensen@example.com\" and Name.FamilyName eq \"Jensen\"")).isTrue();
      assertThat(bjensenMatches("EMAILS[TYPE eq \"work\"]")).isTrue();
      assertThat(bjensenMatches(ENTERPRISE.toUpperCase() + ":DEPARTMENT pr")).isTrue();
    }

    @Test
    void attributeNamesInTheDocumentMatchInAnyCase() {
      ObjectNode odd = json("""
          {"USERNAME": "odd", "Emails": [{"VALUE": "odd@example.com", "Type": "work"}],
           "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER": {"Department": "Ops"}}
          """);

      assertThat(matches("userName eq \"odd\"", odd)).isTrue();
      assertThat(matches("emails[type eq \"work\" and value eq \"odd@example.com\"]", odd)).isTrue();
      assertThat(matches(ENTERPRISE + ":department eq \"ops\"", odd)).isTrue();
    }

    @Test
    void anAttributeMissingFromTheDocumentMatchesNothing() {
      assertThat(bjensenMatches("nickName eq \"babs\"")).isTrue();
      assertThat(bjensenMatches("preferredLanguage eq \"en\"")).isFalse();
      assertThat(matches("nickName eq \"babs\"", json("{}"))).isFalse();
    }

    @Test
    void anAttributeOutsideTheSchemaMatchesNothingWhenAbsent() {
      assertThat(bjensenMatches("favouriteColour eq \"blue\"")).isFalse();
      assertThat(bjensenMatches("urn:example:custom:1.0:User:badge pr")).isFalse();
    }

    @Test
    void anAttributeOutsideTheSchemaComparesAsTextIgnoringCase() {
      ObjectNode user = json("{\"urn:example:custom:1.0:User\": {\"badge\": \"AbC-1\", \"level\": 7}}");

      assertThat(matches("urn:example:custom:1.0:User:badge eq \"abc-1\"", user)).isTrue();
      assertThat(matches("urn:example:custom:1.0:User:badge sw \"ABC\"", user)).isTrue();
    }

    @Test
    void numbersOutsideTheSchemaCompareNumericallyWithNumbers() {
      ObjectNode user = json("{\"urn:example:custom:1.0:User\": {\"level\": 7}}");

      assertThat(matches("urn:example:custom:1.0:User:level lt 10", user)).isTrue();
      assertThat(matches("urn:example:custom:1.0:User:level eq 7.0", user)).isTrue();
    }

    @Test
    void theSchemaDecidesCaseExactnessNotTheDocument() {
      ObjectNode device = json("{\"serial\": \"AbC\"}");

      assertThat(FilterEvaluator.matches(filter("serial eq \"AbC\""), device, DEVICE)).isTrue();
      assertThat(FilterEvaluator.matches(filter("serial eq \"abc\""), device, DEVICE)).isFalse();
    }

    @Test
    void orderingAComplexAttributeWithValueSubAttributeOrdersItsValue() {
      assertThat(bjensenMatches("emails gt \"bjensen@example.com\"")).isFalse();
      assertThat(bjensenMatches("emails ge \"bjensen@example.com\"")).isTrue();
      assertThat(bjensenMatches(ENTERPRISE + ":manager lt \"3\"")).isTrue();
    }

    @Test
    void aComplexAttributeWithoutValueSubAttributeEqualsNothing() {
      assertThat(bjensenMatches("name eq \"Barbara\"")).isFalse();
    }

    @Test
    void aComplexAttributeWithoutValueSubAttributeIsPresentWhenItHasMembers() {
      assertThat(bjensenMatches("name pr")).isTrue();
    }
  }

  @Nested
  class Rejections {

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
          .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter));
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
          .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter));
    }

    @Test
    void invalidCombinationsAreRejectedEvenWhereNoResourceHasTheAttribute() {
      assertThatThrownBy(() -> FilterEvaluator.compile(filter("userName eq \"x\" or active gt true"), USER))
          .isInstanceOf(ScimException.class);
    }

    @Test
    void aCompiledFilterTestsManyResources() {
      Predicate<ObjectNode> employees = FilterEvaluator.compile(filter("userType eq \"employee\""), USER);

      List<ObjectNode> users = List.of(bjensen(), json("{\"userType\":\"Contractor\"}"), json("{}"));

      assertThat(users.stream().filter(employees)).hasSize(1);
    }

    private void assertInvalidFilter(String filter) {
      assertThatThrownBy(() -> bjensenMatches(filter))
          .isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter);
          });
    }
  }
}
