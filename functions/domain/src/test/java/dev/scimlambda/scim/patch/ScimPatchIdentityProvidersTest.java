package dev.scimlambda.scim.patch;

import static dev.scimlambda.scim.ScimTesting.ENTERPRISE;
import static dev.scimlambda.scim.ScimTesting.MANDY;
import static dev.scimlambda.scim.ScimTesting.TOUR_GUIDES;
import static dev.scimlambda.scim.ScimTesting.bjensen;
import static dev.scimlambda.scim.ScimTesting.failsWith;
import static dev.scimlambda.scim.ScimTesting.groups;
import static dev.scimlambda.scim.ScimTesting.json;
import static dev.scimlambda.scim.ScimTesting.patchRequest;
import static dev.scimlambda.scim.ScimTesting.tourGuides;
import static dev.scimlambda.scim.ScimTesting.users;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.ScimType;
import org.junit.jupiter.api.Test;

/** What Microsoft Entra ID and Okta send, beyond the letter of RFC 7644. */
class ScimPatchIdentityProvidersTest {

  private static ObjectNode withoutWorkEmail() {
    ObjectNode user = bjensen();
    user.withArray("emails").remove(0);
    return user;
  }

  // ---- Microsoft Entra ID ----

  @Test
  void entraDeactivatesAUserWithTheStringFalse() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
        "{'op': 'Replace', 'path': 'active', 'value': 'False'}"), users());

    assertThat(patched.get("active").isBoolean()).isTrue();
    assertThat(patched.get("active").booleanValue()).isFalse();
  }

  @Test
  void entraReactivatesAUserWithTheStringTrueInAPathlessValue() {
    ObjectNode user = bjensen();
    user.put("active", false);

    ObjectNode patched = ScimPatch.apply(user, patchRequest("{'op': 'Replace', 'value': {'active': 'True'}}"), users());

    assertThat(patched.get("active").booleanValue()).isTrue();
  }

  @Test
  void entraSetsSubAttributesWithDottedKeysInAPathlessValue() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Replace', 'value': {'name.givenName': 'Babs', 'name.familyName': 'Jensen-Smith', 'displayName': 'Babs J'}}
        """), users());

    assertThat(patched.at("/name/givenName").asText()).isEqualTo("Babs");
    assertThat(patched.at("/name/familyName").asText()).isEqualTo("Jensen-Smith");
    assertThat(patched.at("/name/formatted").asText()).isEqualTo("Ms. Barbara J Jensen III");
    assertThat(patched.get("displayName").asText()).isEqualTo("Babs J");
  }

  @Test
  void entraSetsExtensionAttributesWithUrnQualifiedKeysInAPathlessValue() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Add', 'value': {
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Guest Relations',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter': '4130'}}
        """), users());

    assertThat(patched.get(ENTERPRISE)).isEqualTo(json("""
        {'employeeNumber': '701984', 'department': 'Guest Relations', 'costCenter': '4130'}
        """));
  }

  @Test
  void entraReplacesAWorkEmailTheUserDoesNotHaveByCreatingIt() {
    ObjectNode patched = ScimPatch.apply(withoutWorkEmail(), patchRequest("""
        {'op': 'Replace', 'path': 'emails[type eq "work"].value', 'value': 'a@b.example'}
        """), users());

    assertThat(patched.get("emails")).isEqualTo(json("""
        [{'value': 'babs@jensen.org', 'type': 'home'}, {'type': 'work', 'value': 'a@b.example'}]
        """));
  }

  @Test
  void entraReplacesAnExistingWorkEmailInPlace() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Replace', 'path': 'emails[type eq "work"].value', 'value': 'barbara@example.com'}
        """), users());

    assertThat(patched.get("emails")).isEqualTo(json("""
        [{'value': 'barbara@example.com', 'type': 'work', 'primary': true}, {'value': 'babs@jensen.org', 'type': 'home'}]
        """));
  }

  @Test
  void entraAddsAStreetAddressToAWorkAddressTheUserDoesNotHave() {
    ObjectNode user = bjensen();
    user.remove("addresses");

    ObjectNode patched = ScimPatch.apply(user, patchRequest("""
        {'op': 'Add', 'path': 'addresses[type eq "work"].streetAddress', 'value': '1 Microsoft Way'}
        """), users());

    assertThat(patched.get("addresses")).isEqualTo(json("[{'type': 'work', 'streetAddress': '1 Microsoft Way'}]"));
  }

  @Test
  void entraCreatesAPrimaryMobilePhoneFromAFilterOfTwoEqualities() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Add', 'path': 'phoneNumbers[type eq "mobile" and primary eq true].value', 'value': '+1 555 0100'}
        """), users());

    assertThat(patched.get("phoneNumbers")).isEqualTo(json("[{'type': 'mobile', 'primary': true, 'value': '+1 555 0100'}]"));
  }

  @Test
  void entraSetsTheManagerAsAnObjectWithItsId() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Add', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
         'value': {'value': '902c246b-6245-4190-8e05-00816be7344a'}}
        """), users());

    assertThat(patched.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value': '902c246b-6245-4190-8e05-00816be7344a'}"));
  }

  @Test
  void entraSetsTheManagerAsItsBareId() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Replace', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
         'value': '902c246b-6245-4190-8e05-00816be7344a'}
        """), users());

    assertThat(patched.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value': '" + MANDY + "'}"));
  }

  @Test
  void entraSetsTheManagerAsAListOfOneObject() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Replace', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
         'value': [{'value': '902c246b-6245-4190-8e05-00816be7344a'}]}
        """), users());

    assertThat(patched.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value': '" + MANDY + "'}"));
  }

  @Test
  void aManagerListOfTwoIsInvalidValue() {
    failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Replace', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
         'value': [{'value': '902c246b-6245-4190-8e05-00816be7344a'}, {'value': '2819c223-7f76-453a-919d-413861904646'}]}
        """), users()));
  }

  @Test
  void aListOfOneIsNoValueForAComplexAttributeWithoutValue() {
    failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(), patchRequest(
        "{'op': 'Replace', 'path': 'name', 'value': [{'givenName': 'Babs'}]}"), users()));
  }

  @Test
  void entraSetsTheManagerIdThroughItsSubAttributePath() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
        {'op': 'Replace', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value',
         'value': '902c246b-6245-4190-8e05-00816be7344a'}
        """), users());

    assertThat(patched.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value': '" + MANDY + "'}"));
  }

  @Test
  void entraRemovesTheManager() {
    ObjectNode user = bjensen();
    user.with(ENTERPRISE).putObject("manager").put("value", MANDY);

    ObjectNode patched = ScimPatch.apply(user, patchRequest(
        "{'op': 'Remove', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'}"), users());

    assertThat(patched.get(ENTERPRISE).has("manager")).isFalse();
  }

  @Test
  void entraRemovesGroupMembersListedInTheValue() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest("""
        {'op': 'Remove', 'path': 'members', 'value': [{'value': '2819c223-7f76-453a-919d-413861904646'}]}
        """), groups());

    assertThat(patched.get("members")).extracting(m -> m.get("value").asText()).containsExactly(MANDY);
  }

  @Test
  void entraAddsGroupMembersWithOnlyTheirIds() {
    ObjectNode group = tourGuides();
    group.remove("members");

    ObjectNode patched = ScimPatch.apply(group, patchRequest("""
        {'op': 'Add', 'path': 'members', 'value': [{'value': '2819c223-7f76-453a-919d-413861904646'},
                                                   {'value': '902c246b-6245-4190-8e05-00816be7344a'}]}
        """), groups());

    assertThat(patched.get("members")).hasSize(2);
  }

  @Test
  void entraAddingByIdAUserWhoIsAlreadyAMemberChangesNothing() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest(
        "{'op': 'Add', 'path': 'members', 'value': [{'value': '902c246b-6245-4190-8e05-00816be7344a'}]}"), groups());

    assertThat(patched).isEqualTo(tourGuides());
  }

  @Test
  void entraRenamesAGroupWithAPathlessReplace() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest(
        "{'op': 'Replace', 'value': {'id': 'e9e30dba-f08f-4109-8486-d5c6a331660a', 'displayName': 'Guides'}}"), groups());

    assertThat(patched.get("displayName").asText()).isEqualTo("Guides");
  }

  // ---- Okta ----

  @Test
  void oktaDeactivatesAUserWithAPathlessReplace() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("{'op': 'replace', 'value': {'active': false}}"), users());

    assertThat(patched.get("active").booleanValue()).isFalse();
  }

  @Test
  void oktaRenamesAGroupRepeatingItsIdInAPathlessReplace() {
    ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest(
        "{'op': 'replace', 'value': {'id': '" + TOUR_GUIDES + "', 'displayName': 'Guides'}}"), groups());

    assertThat(patched.get("displayName").asText()).isEqualTo("Guides");
  }

  @Test
  void aPathlessReplaceCarryingAnotherIdIsMutability() {
    failsWith(ScimType.mutability, () -> ScimPatch.apply(tourGuides(), patchRequest(
        "{'op': 'replace', 'value': {'id': 'someone-else', 'displayName': 'Guides'}}"), groups()));
  }

  @Test
  void oktaPasswordChangesAreAcceptedAndNeverStored() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("{'op': 'replace', 'value': {'password': 't1meMa$heen'}}"), users());

    assertThat(patched.has("password")).isFalse();
    assertThat(patched).isEqualTo(bjensen());
  }
}
