package dev.scimlambda.scim.resource;

import static dev.scimlambda.scim.ScimTesting.BADGE;
import static dev.scimlambda.scim.ScimTesting.ENTERPRISE;
import static dev.scimlambda.scim.ScimTesting.USER;
import static dev.scimlambda.scim.ScimTesting.bjensen;
import static dev.scimlambda.scim.ScimTesting.failsWith;
import static dev.scimlambda.scim.ScimTesting.json;
import static dev.scimlambda.scim.ScimTesting.object;
import static dev.scimlambda.scim.ScimTesting.users;
import static dev.scimlambda.scim.ScimTesting.usersWithBadges;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.ScimType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** POST and PUT bodies (RFC 7644 §3.3, §3.5.1) against the resource's schemas (RFC 7643 §2). */
class ResourceDocumentTest {

  private static final String CUSTOM = "urn:example:params:scim:schemas:extension:acme:2.0:User";

  private static ObjectNode body(String attributes) {
    ObjectNode body = object("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'bjensen'}");
    body.setAll(object(attributes));
    return body;
  }

  @Nested
  class Create {

    @Test
    void aBodyThatIsNotAnObjectIsInvalidSyntax() {
      failsWith(ScimType.invalidSyntax, () -> ResourceDocument.validateForCreate(json("['bjensen']"), users()));
      failsWith(ScimType.invalidSyntax, () -> ResourceDocument.validateForCreate(null, users()));
    }

    @Test
    void aBodyWithoutSchemasIsInvalidSyntax() {
      failsWith(ScimType.invalidSyntax, () -> ResourceDocument.validateForCreate(json("{'userName': 'bjensen'}"), users()))
          .hasMessageContaining(USER);
    }

    @Test
    void aBodyWhoseSchemasLackTheCoreSchemaIsInvalidSyntax() {
      failsWith(ScimType.invalidSyntax, () -> ResourceDocument.validateForCreate(
          json("{'schemas': ['" + ENTERPRISE + "'], 'userName': 'bjensen'}"), users()));
      failsWith(ScimType.invalidSyntax, () -> ResourceDocument.validateForCreate(
          json("{'schemas': '" + USER + "', 'userName': 'bjensen'}"), users()));
    }

    @Test
    void aMissingOrBlankUserNameIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(json("{'schemas': ['" + USER + "']}"), users()))
          .hasMessageContaining("userName");
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(body("{'userName': '  '}"), users()))
          .hasMessageContaining("userName");
    }

    @Test
    void aMinimalUserIsItsSchemasAndUserName() {
      assertThat(ResourceDocument.validateForCreate(body("{}"), users()))
          .isEqualTo(json("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"));
    }

    @Test
    void valuesOfTheWrongTypeAreInvalidValueNamingTheAttribute() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(body("{'active': 'maybe'}"), users()))
          .hasMessageContaining("active");
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(body("{'name': {'givenName': 7}}"), users()))
          .hasMessageContaining("name.givenName");
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(body("{'emails': [{'value': 'a@b', 'primary': 1}]}"), users()))
          .hasMessageContaining("emails.primary");
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(
          body("{'" + ENTERPRISE + "': {'manager': ['x']}}"), users())).hasMessageContaining("manager");
    }

    @Test
    void trueAndFalseStringsAreBooleans() {
      ObjectNode document = ResourceDocument.validateForCreate(body("{'active': 'True', 'emails': [{'value': 'a@b', 'primary': 'FALSE'}]}"), users());

      assertThat(document.get("active").isBoolean()).isTrue();
      assertThat(document.at("/emails/0/primary").isBoolean()).isTrue();
    }

    @Test
    void readOnlyAttributesAreIgnored() {
      ObjectNode document = ResourceDocument.validateForCreate(body("""
          {'id': 'mine', 'meta': {'created': '2020-01-01T00:00:00Z'}, 'groups': [{'value': 'admins'}]}
          """), users());

      assertThat(document).isEqualTo(json("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"));
    }

    @Test
    void aPasswordIsAcceptedAndNeverKept() {
      ObjectNode document = ResourceDocument.validateForCreate(body("{'password': 't1meMa$heen'}"), users());

      assertThat(document.has("password")).isFalse();
    }

    @Test
    void aPasswordOfTheWrongTypeIsStillInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(body("{'password': 1234}"), users()));
    }

    @Test
    void attributeNamesAreWrittenInTheSchemasCasing() {
      ObjectNode document = ResourceDocument.validateForCreate(json("""
          {'SCHEMAS': ['urn:ietf:params:scim:schemas:core:2.0:user'], 'USERNAME': 'bjensen',
           'name': {'GIVENNAME': 'Barbara'}, 'Emails': [{'VALUE': 'a@b', 'Type': 'work'}]}
          """), users());

      assertThat(document).isEqualTo(json("""
          {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'bjensen',
           'name': {'givenName': 'Barbara'}, 'emails': [{'value': 'a@b', 'type': 'work'}]}
          """));
    }

    @Test
    void attributesAndSubAttributesTheSchemaDoesNotDefineAreDropped() {
      ObjectNode document = ResourceDocument.validateForCreate(
          body("{'favouriteColour': 'blue', 'name': {'givenName': 'Barbara', 'nickname': 'Babs'}}"), users());

      assertThat(document).isEqualTo(json("""
          {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'bjensen', 'name': {'givenName': 'Barbara'}}
          """));
    }

    @Test
    void oneLoginsManagerIdIsKeptAndTheReadOnlyManagerDisplayNameDropped() {
      ObjectNode document = ResourceDocument.validateForCreate(body(
          "{'" + ENTERPRISE + "': {'manager': {'managerId': '00u-mandy', 'displayName': 'Mandy Pepperidge'}}}"), users());

      assertThat(document.get(ENTERPRISE)).isEqualTo(json("{'manager': {'managerId': '00u-mandy'}}"));
    }

    @Test
    void templateBooleansSubstitutedAsStringsAreBooleans() {
      ObjectNode document = ResourceDocument.validateForCreate(body("{'active': 'false'}"), users());

      assertThat(document.get("active").isBoolean()).isTrue();
      assertThat(document.get("active").booleanValue()).isFalse();
    }

    @Test
    void anUnsubstitutedTemplateMacroIsNoBoolean() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(body("{'active': '{$user.active}'}"), users()));
    }

    @Test
    void nullsAndEmptyArraysAreUnassigned() {
      ObjectNode document = ResourceDocument.validateForCreate(body("{'displayName': null, 'emails': [], 'name': {}}"), users());

      assertThat(document).isEqualTo(json("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"));
    }

    @Test
    void moreThanOnePrimaryValueIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(
          body("{'emails': [{'value': 'a@b', 'primary': true}, {'value': 'c@d', 'primary': true}]}"), users()));
    }

    @Test
    void theEnterpriseExtensionIsValidatedAndListedInSchemas() {
      ObjectNode document = ResourceDocument.validateForCreate(body("""
          {'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user':
             {'Department': 'Tours', 'shoeSize': 9, 'manager': {'value': 'boss', 'displayName': 'The Boss'}}}
          """), users());

      assertThat(document).isEqualTo(json("""
          {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
           'userName': 'bjensen',
           'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {'department': 'Tours', 'manager': {'value': 'boss'}}}
          """));
    }

    @Test
    void aWronglyTypedExtensionAttributeIsInvalidValue() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(
          body("{'" + ENTERPRISE + "': {'department': ['Tours']}}"), users())).hasMessageContaining("department");
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(
          body("{'" + ENTERPRISE + "': 'Tours'}"), users()));
    }

    @Test
    void aUrnQualifiedAttributeOfAKnownExtensionIsAccepted() {
      ObjectNode document = ResourceDocument.validateForCreate(body("{'" + ENTERPRISE + ":department': 'Tours'}"), users());

      assertThat(document.get(ENTERPRISE)).isEqualTo(json("{'department': 'Tours'}"));
    }

    @Test
    void aCustomExtensionIsKeptVerbatimWithItsUrnInSchemas() {
      ObjectNode document = ResourceDocument.validateForCreate(body("""
          {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:example:params:scim:schemas:extension:acme:2.0:User'],
           'urn:example:params:scim:schemas:extension:acme:2.0:User': {'ShoeSize': 9, 'hats': [{'kind': 'fedora'}]}}
          """), users());

      assertThat(document.get(CUSTOM)).isEqualTo(json("{'ShoeSize': 9, 'hats': [{'kind': 'fedora'}]}"));
      assertThat(document.get("schemas")).isEqualTo(json("['" + USER + "', '" + CUSTOM + "']"));
    }

    @Test
    void aRequiredAttributeOfAnExtensionPresentIsRequired() {
      failsWith(ScimType.invalidValue, () -> ResourceDocument.validateForCreate(
          body("{'" + BADGE + "': {'badgeId': 'B-1'}}"), usersWithBadges())).hasMessageContaining("level");
    }

    @Test
    void aManagerSentAsItsBareIdIsAnObjectWithThatValue() {
      ObjectNode document = ResourceDocument.validateForCreate(body("{'" + ENTERPRISE + "': {'manager': 'boss'}}"), users());

      assertThat(document.get(ENTERPRISE)).isEqualTo(json("{'manager': {'value': 'boss'}}"));
    }
  }

  @Nested
  class Replace {

    @Test
    void theReplacementKeepsIdMetaAndGroupsOfTheExistingResource() {
      ObjectNode replaced = ResourceDocument.replace(bjensen(), body("""
          {'id': 'someone-else', 'meta': {'created': '2099-01-01T00:00:00Z'}, 'groups': [], 'displayName': 'B'}
          """), users());

      assertThat(replaced.get("id")).isEqualTo(bjensen().get("id"));
      assertThat(replaced.get("meta")).isEqualTo(bjensen().get("meta"));
      assertThat(replaced.get("groups")).isEqualTo(bjensen().get("groups"));
      assertThat(replaced.get("displayName").asText()).isEqualTo("B");
    }

    @Test
    void attributesTheBodyLeavesOutAreCleared() {
      ObjectNode replaced = ResourceDocument.replace(bjensen(), body("{}"), users());

      assertThat(replaced).isEqualTo(json("""
          {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],
           'id': '2819c223-7f76-453a-919d-413861904646',
           'userName': 'bjensen',
           'groups': [{'value': 'e9e30dba-f08f-4109-8486-d5c6a331660a', 'display': 'Tour Guides'}],
           'meta': {'resourceType': 'User', 'created': '2010-01-23T04:56:22Z', 'lastModified': '2011-05-13T04:42:34Z',
                    'location': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646'}}
          """));
    }

    @Test
    void theBodyIsCheckedAsForCreate() {
      failsWith(ScimType.invalidSyntax, () -> ResourceDocument.replace(bjensen(), json("{'userName': 'bjensen'}"), users()));
      failsWith(ScimType.invalidValue, () -> ResourceDocument.replace(bjensen(), body("{'userName': ''}"), users()));
      failsWith(ScimType.invalidValue, () -> ResourceDocument.replace(bjensen(), body("{'active': 3}"), users()));
    }

    @Test
    void changingAnImmutableAttributeThatHasAValueIsMutability() {
      ObjectNode existing = bjensen();
      existing.putObject(BADGE).put("badgeId", "B-1").put("level", "visitor");

      failsWith(ScimType.mutability, () -> ResourceDocument.replace(existing,
          body("{'" + BADGE + "': {'badgeId': 'B-2', 'level': 'visitor'}}"), usersWithBadges())).hasMessageContaining("badgeId");
    }

    @Test
    void anImmutableAttributeTheBodyRepeatsOrLeavesOutKeepsItsValue() {
      ObjectNode existing = bjensen();
      existing.putObject(BADGE).put("badgeId", "B-1").put("level", "visitor");

      ObjectNode repeated = ResourceDocument.replace(existing, body("{'" + BADGE + "': {'badgeId': 'B-1', 'level': 'staff'}}"), usersWithBadges());
      ObjectNode omitted = ResourceDocument.replace(existing, body("{'" + BADGE + "': {'level': 'staff'}}"), usersWithBadges());

      assertThat(repeated.get(BADGE)).isEqualTo(json("{'badgeId': 'B-1', 'level': 'staff'}"));
      assertThat(omitted.get(BADGE)).isEqualTo(json("{'level': 'staff', 'badgeId': 'B-1'}"));
    }

    @Test
    void aCustomExtensionTheBodyLeavesOutIsDropped() {
      ObjectNode existing = bjensen();
      existing.putObject(CUSTOM).put("shoeSize", 9);

      ObjectNode replaced = ResourceDocument.replace(existing, body("{}"), users());

      assertThat(replaced.has(CUSTOM)).isFalse();
    }
  }

  @Nested
  class Canonicalize {

    @Test
    void schemasListsTheCoreSchemaAndTheExtensionsPresent() {
      ObjectNode document = object("""
          {'schemas': ['urn:example:params:scim:schemas:extension:acme:2.0:User'], 'userName': 'bjensen',
           'urn:example:params:scim:schemas:extension:acme:2.0:User': {'shoeSize': 9},
           'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user': {'department': 'Tours'}}
          """);

      assertThat(ResourceDocument.canonicalize(document, users()).get("schemas"))
          .isEqualTo(json("['" + USER + "', '" + CUSTOM + "', '" + ENTERPRISE + "']"));
    }

    @Test
    void urnsOfExtensionsAbsentOrEmptyAreDropped() {
      ObjectNode document = object("""
          {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
           'userName': 'bjensen', 'urn:example:params:scim:schemas:extension:acme:2.0:User': {}}
          """);

      assertThat(ResourceDocument.canonicalize(document, users()))
          .isEqualTo(json("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"));
    }

    @Test
    void schemasComeFirstIdNextAndMetaLast() {
      ObjectNode document = object("{'meta': {'resourceType': 'User'}, 'userName': 'bjensen', 'id': '1'}");

      assertThat(ResourceDocument.canonicalize(document, users()).fieldNames())
          .toIterable().containsExactly("schemas", "id", "userName", "meta");
    }

    @Test
    void canonicalizingLeavesItsInputUntouched() {
      ObjectNode document = object("{'userName': 'bjensen'}");

      ResourceDocument.canonicalize(document, users());

      assertThat(document).isEqualTo(json("{'userName': 'bjensen'}"));
    }
  }
}
