package dev.scimlambda.scim.patch;

import static dev.scimlambda.scim.ScimTesting.bjensen;
import static dev.scimlambda.scim.ScimTesting.failsWith;
import static dev.scimlambda.scim.ScimTesting.json;
import static dev.scimlambda.scim.ScimTesting.patchRequest;
import static dev.scimlambda.scim.ScimTesting.users;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.ScimType;
import org.junit.jupiter.api.Test;

/** The PatchOp message itself (RFC 7644 §3.5.2): its schemas, its Operations, each operation's members. */
class ScimPatchMessageTest {

  @Test
  void aBodyThatIsNotAnObjectIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), json("[]"), users()));
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), null, users()));
  }

  @Test
  void aMessageWithoutThePatchOpSchemaIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), json("""
        {'Operations': [{'op': 'replace', 'path': 'nickName', 'value': 'Babs'}]}
        """), users()));
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), json("""
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],
         'Operations': [{'op': 'replace', 'path': 'nickName', 'value': 'Babs'}]}
        """), users()))
        .hasMessageContaining("urn:ietf:params:scim:api:messages:2.0:PatchOp");
  }

  @Test
  void aMessageWithoutOperationsIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), json("""
        {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp']}
        """), users()));
  }

  @Test
  void aMessageWithAnEmptyOperationsArrayIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), patchRequest(), users()));
  }

  @Test
  void operationsThatAreNotAnArrayAreInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), json("""
        {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
         'Operations': {'op': 'replace', 'path': 'nickName', 'value': 'Babs'}}
        """), users()));
  }

  @Test
  void anUnknownOpIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(),
        patchRequest("{'op': 'move', 'path': 'nickName', 'value': 'Babs'}"), users()))
        .hasMessageContaining("move");
  }

  @Test
  void anOperationWithoutOpIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(),
        patchRequest("{'path': 'nickName', 'value': 'Babs'}"), users()));
  }

  @Test
  void opsAreCaseInsensitive() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
        "{'op': 'Add', 'path': 'nickName', 'value': 'Babs'}",
        "{'op': 'REPLACE', 'path': 'title', 'value': 'Tour Guide'}",
        "{'op': 'Remove', 'path': 'displayName'}"), users());

    assertThat(patched.get("nickName").asText()).isEqualTo("Babs");
    assertThat(patched.get("title").asText()).isEqualTo("Tour Guide");
    assertThat(patched.has("displayName")).isFalse();
  }

  @Test
  void addWithoutAValueIsInvalidSyntax() {
    failsWith(ScimType.invalidSyntax, () -> ScimPatch.apply(bjensen(), patchRequest("{'op': 'add', 'path': 'nickName'}"), users()));
  }

  @Test
  void removeWithoutAPathIsNoTarget() {
    failsWith(ScimType.noTarget, () -> ScimPatch.apply(bjensen(), patchRequest("{'op': 'remove'}"), users()));
  }

  @Test
  void aPathThatIsNotAStringIsInvalidPath() {
    failsWith(ScimType.invalidPath, () -> ScimPatch.apply(bjensen(),
        patchRequest("{'op': 'replace', 'path': 42, 'value': 'Babs'}"), users()));
  }

  @Test
  void operationsApplyInOrder() {
    ObjectNode patched = ScimPatch.apply(bjensen(), patchRequest(
        "{'op': 'replace', 'path': 'nickName', 'value': 'Babs'}",
        "{'op': 'remove', 'path': 'nickName'}",
        "{'op': 'add', 'path': 'nickName', 'value': 'B.'}"), users());

    assertThat(patched.get("nickName").asText()).isEqualTo("B.");
  }
}
