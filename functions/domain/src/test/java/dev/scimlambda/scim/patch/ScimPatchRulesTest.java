package dev.scimlambda.scim.patch;

import static dev.scimlambda.scim.ScimTesting.BADGE;
import static dev.scimlambda.scim.ScimTesting.ENTERPRISE;
import static dev.scimlambda.scim.ScimTesting.USER;
import static dev.scimlambda.scim.ScimTesting.bjensen;
import static dev.scimlambda.scim.ScimTesting.failsWith;
import static dev.scimlambda.scim.ScimTesting.groups;
import static dev.scimlambda.scim.ScimTesting.json;
import static dev.scimlambda.scim.ScimTesting.patchRequest;
import static dev.scimlambda.scim.ScimTesting.tourGuides;
import static dev.scimlambda.scim.ScimTesting.users;
import static dev.scimlambda.scim.ScimTesting.usersWithBadges;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.ScimType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How operations meet the schema: atomicity, paths, mutability, types, primary values, extensions. */
class ScimPatchRulesTest {

  private static final String CUSTOM = "urn:example:params:scim:schemas:extension:acme:2.0:User";

  private static ObjectNode badged() {
    ObjectNode user = bjensen();
    user.withArray("schemas").add(BADGE);
    user.putObject(BADGE).put("badgeId", "B-1").put("level", "visitor");
    return user;
  }

  @Nested
  class Atomicity {

    @Test
    void whenTheSecondOperationFailsTheOriginalIsUnchangedAndNothingIsReturned() {
      ObjectNode original = bjensen();

      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(original, patchRequest(
          "{'op': 'replace', 'path': 'nickName', 'value': 'Babs'}",
          "{'op': 'replace', 'path': 'favouriteColour', 'value': 'blue'}"), users()));

      assertThat(original).isEqualTo(bjensen());
    }

    @Test
    void aSuccessfulPatchLeavesItsInputsUntouched() {
      ObjectNode original = bjensen();
      ObjectNode request = patchRequest("{'op': 'add', 'path': 'emails', 'value': [{'value': 'b@example.org', 'type': 'other'}]}");
      ObjectNode requestCopy = request.deepCopy();

      ObjectNode patched = ScimPatch.apply(original, request, users());
      patched.withArray("emails").removeAll();

      assertThat(original).isEqualTo(bjensen());
      assertThat(request).isEqualTo(requestCopy);
    }
  }

  @Nested
  class PathsAndNames {

    @Test
    void attributeNamesAreCaseInsensitiveAndWrittenInTheSchemasCasing() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'NAME.GIVENNAME', 'value': 'Babs'}",
          "{'op': 'add', 'path': 'NickName', 'value': 'B'}",
          "{'op': 'replace', 'path': 'EMAILS[TYPE eq \"work\"].VALUE', 'value': 'babs@example.com'}"), users());

      assertThat(patched.at("/name/givenName").asText()).isEqualTo("Babs");
      assertThat(patched.get("nickName").asText()).isEqualTo("B");
      assertThat(patched.at("/emails/0/value").asText()).isEqualTo("babs@example.com");
    }

    @Test
    void storedNamesInAnotherCasingAreRewrittenInTheSchemasCasing() {
      ObjectNode user = bjensen();
      user.put("nickname", "Bee");

      ObjectNode patched = ScimPatch.apply(user, patchRequest("{'op': 'replace', 'path': 'nickName', 'value': 'Babs'}"), users());

      assertThat(patched.has("nickname")).isFalse();
      assertThat(patched.get("nickName").asText()).isEqualTo("Babs");
    }

    @Test
    void aMalformedPathIsInvalidPath() {
      for (String path : new String[] {"emails[type eq", "name..givenName", "emails[type eq \"work\"", "name.", "a b", "emails[type zz \"work\"]"}) {
        failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
            patchRequest("{'op': 'replace', 'path': '" + path + "', 'value': 'x'}"), users()));
      }
    }

    @Test
    void anAttributeTheCoreSchemaDoesNotDefineIsInvalidPath() {
      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'add', 'path': 'favouriteColour', 'value': 'blue'}"), users()))
          .hasMessageContaining("favouriteColour");
      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'add', 'value': {'favouriteColour': 'blue'}}"), users()));
    }

    @Test
    void aSubAttributeTheSchemaDoesNotDefineIsInvalidPath() {
      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'add', 'path': 'name.nickName', 'value': 'x'}"), users()));
    }

    @Test
    void aSubAttributeOfASimpleAttributeIsInvalidPath() {
      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'add', 'path': 'userName.value', 'value': 'x'}"), users()));
    }

    @Test
    void aValueFilterOnASingleValuedAttributeIsInvalidPath() {
      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'path': 'name[givenName eq \"Barbara\"].familyName', 'value': 'x'}"), users()));
    }

    @Test
    void anAttributeOfAKnownExtensionItDoesNotDefineIsInvalidPath() {
      failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'add', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:shoeSize', 'value': '9'}"), users()));
    }

    @Test
    void coreAttributesMayBeQualifiedWithTheCoreSchemaUrn() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', 'value': 'Babs'}"), users());

      assertThat(patched.at("/name/givenName").asText()).isEqualTo("Babs");
    }

    @Test
    void schemasIsNotPatchedButFollowsTheAttributesPresent() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'schemas', 'value': ['urn:ietf:params:scim:schemas:core:2.0:User']}"), users());

      assertThat(patched.get("schemas")).isEqualTo(bjensen().get("schemas"));
    }
  }

  @Nested
  class Filters {

    @Test
    void removeWithAFilterThatMatchesNothingChangesNothing() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'remove', 'path': 'emails[type eq \"other\"]'}"), users());

      assertThat(patched).isEqualTo(bjensen());
    }

    @Test
    void removeOfAnAttributeThatIsNotThereChangesNothing() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("{'op': 'remove', 'path': 'nickName'}"), users());

      assertThat(patched).isEqualTo(bjensen());
    }

    @Test
    void replaceWithAFilterThatMatchesNothingAndIsNotEqualitiesIsNoTarget() {
      failsWith(ScimType.noTarget, () -> ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'emails[value ew \"example.org\"].type', 'value': 'other'}"), users()));
    }

    @Test
    void replaceWithAFilterChangesEveryValueItMatches() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'emails[value pr].display', 'value': 'Babs'}"), users());

      assertThat(patched.get("emails")).allSatisfy(email -> assertThat(email.get("display").asText()).isEqualTo("Babs"));
    }

    @Test
    void filtersCompareCaseInsensitivelyUnlessTheSubAttributeIsCaseExact() {
      ObjectNode user = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'remove', 'path': 'emails[type eq \"WORK\"]'}"), users());
      ObjectNode group = ScimPatch.apply(tourGuides(), patchRequest(
          "{'op': 'remove', 'path': 'members[value eq \"2819C223-7F76-453A-919D-413861904646\"]'}"), groups());

      assertThat(user.get("emails")).hasSize(1);
      assertThat(group.get("members")).hasSize(2);
    }

    @Test
    void removingTheValueOfAMultiValuedAttributesValueRemovesThatValue() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'remove', 'path': 'emails[type eq \"work\"].value'}"), users());

      assertThat(patched.get("emails")).isEqualTo(json("[{'value': 'babs@jensen.org', 'type': 'home'}]"));
    }

    @Test
    void removingAnotherSubAttributeOfMatchingValuesKeepsThem() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'remove', 'path': 'emails[type eq \"work\"].primary'}"), users());

      assertThat(patched.at("/emails/0")).isEqualTo(json("{'value': 'bjensen@example.com', 'type': 'work'}"));
    }
  }

  @Nested
  class MultiValuedAttributes {

    @Test
    void addAppendsValuesWithoutExactDuplicates() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest("""
          {'op': 'add', 'path': 'emails', 'value': [{'value': 'babs@jensen.org', 'type': 'home'},
                                                    {'value': 'b@example.org', 'type': 'other'}]}
          """), users());

      assertThat(patched.get("emails")).extracting(e -> e.get("value").asText())
          .containsExactly("bjensen@example.com", "babs@jensen.org", "b@example.org");
    }

    @Test
    void addAcceptsASingleValueForAMultiValuedAttribute() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'add', 'path': 'emails', 'value': {'value': 'b@example.org', 'type': 'other'}}"), users());

      assertThat(patched.get("emails")).hasSize(3);
    }

    @Test
    void aValueAddedAsPrimaryMakesTheOthersNonPrimary() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'add', 'path': 'emails', 'value': [{'value': 'b@example.org', 'type': 'other', 'primary': true}]}"), users());

      assertThat(patched.get("emails")).extracting(e -> e.path("primary").asBoolean(false)).containsExactly(false, false, true);
    }

    @Test
    void aValueSetPrimaryThroughAFilterMakesTheOthersNonPrimary() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'emails[type eq \"home\"].primary', 'value': true}"), users());

      assertThat(patched.get("emails")).extracting(e -> e.path("primary").asBoolean(false)).containsExactly(false, true);
    }

    @Test
    void twoPrimaryValuesInOneOperationAreInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(), patchRequest("""
          {'op': 'replace', 'path': 'emails', 'value': [{'value': 'a@example.org', 'primary': true},
                                                        {'value': 'b@example.org', 'primary': true}]}
          """), users())).hasMessageContaining("primary");
    }

    @Test
    void settingNullLeavesAnAttributeUnassigned() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'value': {'emails': [], 'displayName': null}}"), users());

      assertThat(patched.has("emails")).isFalse();
      assertThat(patched.has("displayName")).isFalse();
    }
  }

  @Nested
  class Mutability {

    @Test
    void anOperationOnTheIdIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'path': 'id', 'value': 'other'}"), users())).hasMessageContaining("id");
      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'remove', 'path': 'id'}"), users()));
    }

    @Test
    void anOperationOnMetaIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'path': 'meta.lastModified', 'value': '2020-01-01T00:00:00Z'}"), users()));
    }

    @Test
    void anOperationOnAUsersGroupsIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'add', 'path': 'groups', 'value': [{'value': 'x'}]}"), users()));
      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'remove', 'path': 'groups[value eq \"e9e30dba-f08f-4109-8486-d5c6a331660a\"]'}"), users()));
    }

    @Test
    void aReadOnlySubAttributeIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName', 'value': 'Boss'}"),
          users()));
    }

    @Test
    void aPathlessValueMayRepeatTheIdButNotChangeIt() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'value': {'id': '2819c223-7f76-453a-919d-413861904646', 'nickName': 'Babs'}}"), users());
      assertThat(patched.get("nickName").asText()).isEqualTo("Babs");

      failsWith(ScimType.mutability, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'value': {'id': 'someone-else'}}"), users()));
    }

    @Test
    void anImmutableAttributeWithADifferentValueIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(badged(), patchRequest(
          "{'op': 'replace', 'path': 'urn:example:params:scim:schemas:extension:badge:2.0:User:badgeId', 'value': 'B-2'}"),
          usersWithBadges())).hasMessageContaining("badgeId");
    }

    @Test
    void anImmutableAttributeMayBeSetAgainToTheSameValue() {
      ObjectNode patched = ScimPatch.apply(badged(), patchRequest(
          "{'op': 'replace', 'path': 'urn:example:params:scim:schemas:extension:badge:2.0:User:badgeId', 'value': 'B-1'}"),
          usersWithBadges());

      assertThat(patched).isEqualTo(badged());
    }

    @Test
    void anImmutableAttributeWithoutAValueMayBeAdded() {
      ObjectNode user = badged();
      user.with(BADGE).remove("badgeId");

      ObjectNode patched = ScimPatch.apply(user, patchRequest(
          "{'op': 'add', 'path': 'urn:example:params:scim:schemas:extension:badge:2.0:User:badgeId', 'value': 'B-9'}"),
          usersWithBadges());

      assertThat(patched.get(BADGE).get("badgeId").asText()).isEqualTo("B-9");
    }

    @Test
    void removingAnImmutableAttributeWithAValueIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(badged(), patchRequest(
          "{'op': 'remove', 'path': 'urn:example:params:scim:schemas:extension:badge:2.0:User:badgeId'}"), usersWithBadges()));
    }

    @Test
    void changingAnImmutableSubAttributeOfAnExistingValueIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(tourGuides(), patchRequest(
          "{'op': 'replace', 'path': 'members[display eq \"Babs Jensen\"].value', 'value': 'someone-else'}"), groups()))
          .hasMessageContaining("members.value");
    }

    @Test
    void replacingAValueWholeKeepsTheImmutableSubAttributesItLeavesOut() {
      ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest("""
          {'op': 'replace', 'path': 'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
           'value': {'value': '2819c223-7f76-453a-919d-413861904646', 'display': 'Babs'}}
          """), groups());

      assertThat(patched.at("/members/0")).isEqualTo(json("""
          {'value': '2819c223-7f76-453a-919d-413861904646', 'display': 'Babs',
           '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646'}
          """));
    }

    @Test
    void replacingAValueWholeWithAnotherImmutableValueIsMutability() {
      failsWith(ScimType.mutability, () -> ScimPatch.apply(tourGuides(), patchRequest("""
          {'op': 'replace', 'path': 'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
           'value': {'value': '08e1d05d-121c-4561-8b96-473d93df9210'}}
          """), groups()));
    }

    @Test
    void aReadWriteSubAttributeOfAValueWithImmutableOnesMayChange() {
      ObjectNode patched = ScimPatch.apply(tourGuides(), patchRequest(
          "{'op': 'replace', 'path': 'members[value eq \"2819c223-7f76-453a-919d-413861904646\"].display', 'value': 'Babs'}"),
          groups());

      assertThat(patched.at("/members/0/display").asText()).isEqualTo("Babs");
    }
  }

  @Nested
  class Types {

    @Test
    void aStringForABooleanOtherThanTrueOrFalseIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'path': 'active', 'value': 'yes'}"), users())).hasMessageContaining("active");
    }

    @Test
    void aNumberForAStringIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'value': {'userName': 5}}"), users())).hasMessageContaining("userName");
    }

    @Test
    void aStringForAComplexAttributeIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'path': 'name', 'value': 'Barbara Jensen'}"), users())).hasMessageContaining("name");
    }

    @Test
    void anArrayForASingleValuedAttributeIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'replace', 'path': 'displayName', 'value': ['Babs']}"), users()));
    }

    @Test
    void aWronglyTypedSubAttributeIsInvalidValueNamingIt() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'add', 'path': 'emails', 'value': [{'value': 'b@example.org', 'primary': 'maybe'}]}"), users()))
          .hasMessageContaining("emails.primary");
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'emails[type eq \"work\"].value', 'value': {'v': 1}}"), users()))
          .hasMessageContaining("emails.value");
    }

    @Test
    void valuesOfAMultiValuedComplexAttributeMustBeObjects() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'add', 'path': 'emails', 'value': ['b@example.org']}"), users()));
    }

    @Test
    void integersDecimalsDateTimesAndBinariesAreChecked() {
      String prefix = "{'op': 'replace', 'path': 'urn:example:params:scim:schemas:extension:badge:2.0:User:";
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(badged(), patchRequest(prefix + "floor', 'value': 2.5}"), usersWithBadges()));
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(badged(), patchRequest(prefix + "clearance', 'value': 'high'}"), usersWithBadges()));
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(badged(), patchRequest(prefix + "issued', 'value': 'yesterday'}"), usersWithBadges()));
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(badged(), patchRequest(prefix + "photo', 'value': 'not base64!'}"), usersWithBadges()));

      ObjectNode patched = ScimPatch.apply(badged(), patchRequest(
          prefix + "floor', 'value': 3}", prefix + "clearance', 'value': 2.5}",
          prefix + "issued', 'value': '2024-02-29T08:00:00Z'}", prefix + "photo', 'value': 'aGVsbG8='}"), usersWithBadges());
      assertThat(patched.get(BADGE)).isEqualTo(json("""
          {'badgeId': 'B-1', 'level': 'visitor', 'floor': 3, 'clearance': 2.5, 'issued': '2024-02-29T08:00:00Z', 'photo': 'aGVsbG8='}
          """));
    }

    @Test
    void removingARequiredAttributeIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(bjensen(),
          patchRequest("{'op': 'remove', 'path': 'userName'}"), users())).hasMessageContaining("userName");
    }
  }

  @Nested
  class Extensions {

    @Test
    void extensionAttributesAreReachedByUrnQualifiedPaths() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'replace', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'value': 'Sales'}"), users());

      assertThat(patched.get(ENTERPRISE).get("department").asText()).isEqualTo("Sales");
    }

    @Test
    void anExtensionAddedByAPathlessValueIsListedInSchemas() {
      ObjectNode user = bjensen();
      user.remove(ENTERPRISE);
      user.withArray("schemas").remove(1);

      ObjectNode patched = ScimPatch.apply(user, patchRequest(
          "{'op': 'add', 'value': {'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {'division': 'Theme Park'}}}"),
          users());

      assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "', '" + ENTERPRISE + "']"));
      assertThat(patched.get(ENTERPRISE)).isEqualTo(json("{'division': 'Theme Park'}"));
    }

    @Test
    void removingTheLastAttributeOfAnExtensionRemovesItAndItsUrn() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'remove', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'}",
          "{'op': 'remove', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'}"), users());

      assertThat(patched.has(ENTERPRISE)).isFalse();
      assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "']"));
    }

    @Test
    void removingAWholeExtensionByItsUrnRemovesItAndItsUrn() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'remove', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'}"), users());

      assertThat(patched.has(ENTERPRISE)).isFalse();
      assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "']"));
    }

    @Test
    void aCustomExtensionAttributeIsKeptAndItsUrnListed() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'add', 'path': '" + CUSTOM + ":shoeSize', 'value': 9}"), users());

      assertThat(patched.get(CUSTOM)).isEqualTo(json("{'shoeSize': 9}"));
      assertThat(patched.get("schemas")).extracting(n -> n.asText()).containsExactly(USER, ENTERPRISE, CUSTOM);
    }

    @Test
    void aCustomExtensionObjectInAPathlessValueIsKeptAsSent() {
      ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
          "{'op': 'add', 'value': {'" + CUSTOM + "': {'shoeSize': 9, 'badges': [{'id': 1}]}}}"), users());

      assertThat(patched.get(CUSTOM)).isEqualTo(json("{'shoeSize': 9, 'badges': [{'id': 1}]}"));
    }

    @Test
    void aCustomExtensionTheResourceHasCanBeReplacedAndRemovedByItsUrn() {
      ObjectNode user = bjensen();
      user.withArray("schemas").add(CUSTOM);
      user.putObject(CUSTOM).put("shoeSize", 8).put("hat", "fedora");

      ObjectNode replaced = ScimPatch.apply(user, patchRequest(
          "{'op': 'replace', 'path': '" + CUSTOM + "', 'value': {'shoeSize': 9}}"), users());
      ObjectNode removed = ScimPatch.apply(user, patchRequest("{'op': 'remove', 'path': '" + CUSTOM + "'}"), users());

      assertThat(replaced.get(CUSTOM)).isEqualTo(json("{'shoeSize': 9, 'hat': 'fedora'}"));
      assertThat(removed.has(CUSTOM)).isFalse();
      assertThat(removed.get("schemas")).extracting(n -> n.asText()).containsExactly(USER, ENTERPRISE);
    }

    @Test
    void aRequiredAttributeOfAnExtensionPresentMayNotBeRemoved() {
      failsWith(ScimType.invalidValue, () -> ScimPatch.apply(badged(), patchRequest(
          "{'op': 'remove', 'path': 'urn:example:params:scim:schemas:extension:badge:2.0:User:level'}"), usersWithBadges()))
          .hasMessageContaining("level");
    }
  }
}
