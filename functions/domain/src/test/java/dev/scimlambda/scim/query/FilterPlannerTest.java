package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.CORE;
import static dev.scimlambda.scim.query.Fixtures.USER;
import static dev.scimlambda.scim.query.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.query.QueryPlan.FullScan;
import dev.scimlambda.scim.query.QueryPlan.IndexLookup;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPlannerTest {

  private final FilterPlanner planner = FilterPlanner.users();

  @Test
  void userNameEqIsALookupByTheTrimmedLowerCasedUserName() {
    assertThat(plan("userName eq \" BJensen@Example.com \""))
        .isEqualTo(new IndexLookup(IndexedAttribute.USER_NAME, "bjensen@example.com", filter("userName eq \" BJensen@Example.com \"")));
  }

  @Test
  void externalIdEqIsALookupByTheExactExternalId() {
    assertLookup("externalId eq \" Ab-701984\"", IndexedAttribute.EXTERNAL_ID, " Ab-701984");
  }

  @Test
  void idEqIsALookupByTheExactId() {
    assertLookup("id eq \"2819C223\"", IndexedAttribute.ID, "2819C223");
  }

  @Test
  void emailsValueEqIsALookupByTheLowerCasedAddress() {
    assertLookup("emails.value eq \"Babs@Jensen.org\"", IndexedAttribute.EMAIL, "babs@jensen.org");
  }

  @Test
  void emailsEqIsALookupByAddressBecauseItComparesTheValue() {
    assertLookup("emails eq \"babs@jensen.org\"", IndexedAttribute.EMAIL, "babs@jensen.org");
  }

  @Test
  void aValueFilterOnTheAddressIsALookupByAddress() {
    assertLookup("emails[value eq \"babs@jensen.org\"]", IndexedAttribute.EMAIL, "babs@jensen.org");
    assertLookup("emails[type eq \"home\" and value eq \"babs@jensen.org\"]", IndexedAttribute.EMAIL, "babs@jensen.org");
  }

  @Test
  void entrasWorkEmailFilterIsALookupByAddress() {
    assertLookup("emails[type eq \"work\"].value eq \"BJensen@example.com\"", IndexedAttribute.EMAIL, "bjensen@example.com");
  }

  @Test
  void attributeNamesMatchInAnyCaseAndWithTheCoreSchemaUrn() {
    assertLookup("USERNAME EQ \"x\"", IndexedAttribute.USER_NAME, "x");
    assertLookup(CORE + ":userName eq \"x\"", IndexedAttribute.USER_NAME, "x");
    assertLookup("Emails.VALUE eq \"x\"", IndexedAttribute.EMAIL, "x");
  }

  @Test
  void anAndWithOneIndexedOperandIsALookupThatStillEvaluatesTheWholeFilter() {
    QueryPlan plan = plan("active eq true and userName eq \"bjensen\"");

    assertThat(plan).isEqualTo(new IndexLookup(IndexedAttribute.USER_NAME, "bjensen", filter("active eq true and userName eq \"bjensen\"")));
  }

  @Test
  void anAndNestedInAnAndIsSearchedForIndexedOperands() {
    assertLookup("active eq true and (title pr and externalId eq \"E1\")", IndexedAttribute.EXTERNAL_ID, "E1");
  }

  @Test
  void anAndWithSeveralIndexedOperandsUsesTheMostSelectiveIndex() {
    assertLookup("emails.value eq \"a@x\" and externalId eq \"E1\" and userName eq \"u\"", IndexedAttribute.USER_NAME, "u");
    assertLookup("userName eq \"u\" and id eq \"1\"", IndexedAttribute.ID, "1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "userName ne \"x\"",
      "not (userName eq \"x\")",
      "userName eq \"x\" or title eq \"y\"",
      "userName eq \"x\" or userName eq \"y\"",
      "userName co \"x\"",
      "userName sw \"x\"",
      "userName pr",
      "userName gt \"x\"",
      "userName eq null",
      "externalId eq 701984",
      "emails.type eq \"work\"",
      "emails[type eq \"work\"]",
      "emails[type eq \"work\" or value eq \"x\"]",
      "emails[not (value eq \"x\")]",
      "name.familyName eq \"x\"",
      "displayName eq \"x\"",
      "title pr and not (userName eq \"x\")",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\""
  })
  void filtersAnIndexCannotAnswerAreScans(String filter) {
    assertThat(plan(filter)).isEqualTo(new FullScan(filter(filter)));
  }

  @Test
  void noFilterIsAScanOfEverything() {
    assertThat(planner.plan(null)).isEqualTo(new FullScan(null));
  }

  @Test
  void thePlannerIndexesThePathsItIsGiven() {
    FilterPlanner byNickName = new FilterPlanner(USER, Map.of("nickName", IndexedAttribute.USER_NAME));

    assertThat(byNickName.plan(filter("nickName eq \"Babs\""))).isInstanceOf(IndexLookup.class);
    assertThat(byNickName.plan(filter("userName eq \"x\""))).isInstanceOf(FullScan.class);
  }

  @Test
  void indexKeysTrimAndFoldOnlyCaseInsensitiveAttributes() {
    assertThat(IndexedAttribute.USER_NAME.key("  Bob ")).isEqualTo("bob");
    assertThat(IndexedAttribute.EMAIL.key("Bob@X.org")).isEqualTo("bob@x.org");
    assertThat(IndexedAttribute.EXTERNAL_ID.key(" Bob ")).isEqualTo(" Bob ");
    assertThat(IndexedAttribute.ID.key("Bob")).isEqualTo("Bob");
  }

  @Test
  void aResourceIsIndexedUnderTheKeysALookupUses() {
    assertThat(planner.indexKeys(Fixtures.bjensen())).isEqualTo(Map.of(
        IndexedAttribute.ID, Set.of(Fixtures.BJENSEN_ID),
        IndexedAttribute.USER_NAME, Set.of("bjensen@example.com"),
        IndexedAttribute.EXTERNAL_ID, Set.of("701984"),
        IndexedAttribute.EMAIL, Set.of("bjensen@example.com", "babs@jensen.org")));
  }

  @Test
  void indexKeysAreReadWithAttributeNamesInAnyCase() {
    ObjectNode odd = Fixtures.json("{\"ID\":\"u1\",\"UserName\":\" Bob \",\"EMAILS\":[{\"Value\":\"Bob@X.org\"}]}");

    assertThat(planner.indexKeys(odd)).isEqualTo(Map.of(
        IndexedAttribute.ID, Set.of("u1"),
        IndexedAttribute.USER_NAME, Set.of("bob"),
        IndexedAttribute.EMAIL, Set.of("bob@x.org")));
  }

  private QueryPlan plan(String filter) {
    return planner.plan(filter(filter));
  }

  /** The filter is planned as a lookup of {@code key} in one index, evaluating the whole filter on what it finds. */
  private void assertLookup(String filter, IndexedAttribute attribute, String key) {
    assertThat(plan(filter)).isEqualTo(new IndexLookup(attribute, key, filter(filter)));
  }
}
