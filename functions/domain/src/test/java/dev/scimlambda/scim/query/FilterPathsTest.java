package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.CORE;
import static dev.scimlambda.scim.query.Fixtures.DEVICE;
import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static dev.scimlambda.scim.query.Fixtures.bjensenMatches;
import static dev.scimlambda.scim.query.Fixtures.filter;
import static dev.scimlambda.scim.query.Fixtures.json;
import static dev.scimlambda.scim.query.Fixtures.matches;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Attribute paths: sub-attributes, multi-valued and complex values, value filters, extensions, casing, unknown attributes. */
class FilterPathsTest {

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
