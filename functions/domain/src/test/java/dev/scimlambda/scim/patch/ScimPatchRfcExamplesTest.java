package dev.scimlambda.scim.patch;

import static dev.scimlambda.scim.ScimTesting.BJENSEN;
import static dev.scimlambda.scim.ScimTesting.MANDY;
import static dev.scimlambda.scim.ScimTesting.bjensen;
import static dev.scimlambda.scim.ScimTesting.groups;
import static dev.scimlambda.scim.ScimTesting.json;
import static dev.scimlambda.scim.ScimTesting.patchRequest;
import static dev.scimlambda.scim.ScimTesting.tourGuides;
import static dev.scimlambda.scim.ScimTesting.users;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The examples of RFC 7644 §3.5.2.1 (add), §3.5.2.2 (remove) and §3.5.2.3 (replace), on Users and Groups. */
class ScimPatchRfcExamplesTest {

  private static final String JAMES = "08e1d05d-121c-4561-8b96-473d93df9210";

  // ---- §3.5.2.1 add ----

  @Test
  void addAppendsAMemberToAGroup() {
    ObjectNode group = tourGuides();
    group.withArray("members").remove(0);

    ObjectNode patched = ScimPatch.apply(group, patchRequest("""
        {'op': 'add', 'path': 'members',
         'value': [{'display': 'Babs Jensen',
                    '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
                    'value': '2819c223-7f76-453a-919d-413861904646'}]}
        """), groups());

    assertThat(patched.get("members")).hasSize(2);
    assertThat(patched.at("/members/1/value").asText()).isEqualTo(BJENSEN);
    assertThat(patched.at("/members/1/display").asText()).isEqualTo("Babs Jensen");
  }

  @Test
  void addingAMemberAlreadyThereChangesNothing() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest("""
        {'op': 'add', 'path': 'members',
         'value': [{'display': 'Babs Jensen',
                    '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
                    'value': '2819c223-7f76-453a-919d-413861904646'}]}
        """), groups());

    assertThat(patched).isEqualTo(tourGuides());
  }

  @Test
  void addWithoutAPathAddsEachAttributeOfTheValue() {
    ObjectNode user = bjensen();
    user.withArray("emails").remove(1);

    ObjectNode patched = ScimPatch.apply(user, patchRequest("""
        {'op': 'add',
         'value': {'emails': [{'value': 'babs@jensen.org', 'type': 'home'}], 'nickname': 'Babs'}}
        """), users());

    assertThat(patched.get("emails")).isEqualTo(json("""
        [{'value': 'bjensen@example.com', 'type': 'work', 'primary': true},
         {'value': 'babs@jensen.org', 'type': 'home'}]
        """));
    assertThat(patched.get("nickName").asText()).isEqualTo("Babs");
    assertThat(patched.has("nickname")).isFalse();
  }

  // ---- §3.5.2.2 remove ----

  @Test
  void removeWithAValueFilterRemovesTheMatchingMember() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest("""
        {'op': 'remove', 'path': 'members[value eq "2819c223-7f76-453a-919d-413861904646"]'}
        """), groups());

    assertThat(patched.get("members")).hasSize(1);
    assertThat(patched.at("/members/0/value").asText()).isEqualTo(MANDY);
  }

  @Test
  void removeOfAMultiValuedAttributeRemovesAllItsValues() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest("{'op': 'remove', 'path': 'members'}"), groups());

    assertThat(patched.has("members")).isFalse();
  }

  @Test
  void removingTheLastMatchingValueLeavesTheAttributeUnassigned() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest(
        "{'op': 'remove', 'path': 'members[value eq \"2819c223-7f76-453a-919d-413861904646\"]'}",
        "{'op': 'remove', 'path': 'members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"]'}"), groups());

    assertThat(patched.has("members")).isFalse();
  }

  @Test
  void removeWithAComplexFilterRemovesOnlyTheValuesItMatches() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'remove', 'path': 'emails[type eq "work" and value ew "example.com"]'}
        """), users());

    assertThat(patched.get("emails")).isEqualTo(json("[{'value': 'babs@jensen.org', 'type': 'home'}]"));
  }

  @Test
  void removeThenAddReplacesAllMembers() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest(
        "{'op': 'remove', 'path': 'members'}",
        """
        {'op': 'add', 'path': 'members',
         'value': [{'display': 'Babs Jensen',
                    '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
                    'value': '2819c223-7f76-453a-919d-413861904646'},
                   {'display': 'James Smith',
                    '$ref': 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210',
                    'value': '08e1d05d-121c-4561-8b96-473d93df9210'}]}
        """), groups());

    assertThat(patched.get("members")).extracting(m -> m.get("value").asText()).containsExactly(BJENSEN, JAMES);
  }

  @Test
  void removeOfASingleValuedAttributeLeavesItUnassigned() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("{'op': 'remove', 'path': 'name.formatted'}"), users());

    assertThat(patched.get("name")).isEqualTo(json("{'familyName': 'Jensen', 'givenName': 'Barbara'}"));
  }

  // ---- §3.5.2.3 replace ----

  @Test
  void replaceOfAMultiValuedAttributeReplacesAllItsValues() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest("""
        {'op': 'replace', 'path': 'members',
         'value': [{'display': 'Babs Jensen',
                    '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
                    'value': '2819c223-7f76-453a-919d-413861904646'},
                   {'display': 'James Smith',
                    '$ref': 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210',
                    'value': '08e1d05d-121c-4561-8b96-473d93df9210'}]}
        """), groups());

    assertThat(patched.get("members")).extracting(m -> m.get("value").asText()).containsExactly(BJENSEN, JAMES);
  }

  @Test
  void replaceWithAValueFilterReplacesTheWholeMatchingValue() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'replace', 'path': 'addresses[type eq "work"]',
         'value': {'type': 'work', 'streetAddress': '911 Universal City Plaza', 'locality': 'Hollywood',
                   'region': 'CA', 'postalCode': '91608', 'country': 'US',
                   'formatted': '911 Universal City Plaza\\nHollywood, CA 91608 US', 'primary': true}}
        """), users());

    assertThat(patched.get("addresses")).isEqualTo(json("""
        [{'type': 'work', 'streetAddress': '911 Universal City Plaza', 'locality': 'Hollywood',
          'region': 'CA', 'postalCode': '91608', 'country': 'US',
          'formatted': '911 Universal City Plaza\\nHollywood, CA 91608 US', 'primary': true}]
        """));
  }

  @Test
  void replaceWithAValueFilterAndASubAttributeReplacesOnlyThatSubAttribute() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'replace', 'path': 'addresses[type eq "work"].streetAddress', 'value': '1010 Broadway Ave'}
        """), users());

    assertThat(patched.at("/addresses/0/streetAddress").asText()).isEqualTo("1010 Broadway Ave");
    assertThat(patched.at("/addresses/0/locality").asText()).isEqualTo("Hollywood");
  }

  @Test
  void replaceWithoutAPathReplacesEachAttributeOfTheValue() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'replace',
         'value': {'emails': [{'value': 'bjensen@example.com', 'type': 'work', 'primary': true},
                              {'value': 'babs@jensen.org', 'type': 'home'}],
                   'nickName': 'Babs'}}
        """), users());

    assertThat(patched.get("emails")).isEqualTo(bjensen().get("emails"));
    assertThat(patched.get("nickName").asText()).isEqualTo("Babs");
  }

  @Test
  void replaceOfAComplexAttributeReplacesTheSubAttributesGivenAndKeepsTheOthers() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
        "{'op': 'replace', 'path': 'name', 'value': {'givenName': 'Babs', 'middleName': 'Jane'}}"), users());

    assertThat(patched.get("name")).isEqualTo(json("""
        {'formatted': 'Ms. Barbara J Jensen III', 'familyName': 'Jensen', 'givenName': 'Babs', 'middleName': 'Jane'}
        """));
  }

  @Test
  void replaceOfAnAttributeThatIsNotThereAddsIt() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("{'op': 'replace', 'path': 'title', 'value': 'Tour Guide'}"), users());

    assertThat(patched.get("title").asText()).isEqualTo("Tour Guide");
  }
}
