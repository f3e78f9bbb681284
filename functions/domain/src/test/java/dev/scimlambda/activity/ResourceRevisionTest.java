package dev.scimlambda.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff of two versions of a resource, as the activity log keeps it. */
class ResourceRevisionTest {

  private static JsonNode json(String text) {
    try {
      return ScimJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<AttributeChange> changes(String type, String before, String after) {
    return ResourceRevision.between("c", type, "id", 2, Instant.EPOCH, before == null ? null : json(before), json(after))
        .changes();
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }

  @Test
  void aPasswordIsAlwaysRedactedWhateverItsValue() {
    List<AttributeChange> changes = changes("User", "{\"password\":\"old\"}", "{\"password\":\"t1meMa$heen\"}");
    assertThat(changes).extracting(AttributeChange::path, c -> text(c.from()), c -> text(c.to()))
        .containsExactly(tuple("password", Redaction.SECRET, Redaction.SECRET));
  }

  @Test
  void booleansAndIdentifiersAreKeptAndOtherValuesMasked() {
    List<AttributeChange> changes = changes("User",
        "{\"active\":true,\"externalId\":\"00u1\",\"title\":\"Engineer\",\"name\":{\"givenName\":\"Barbara\"}}",
        "{\"active\":false,\"externalId\":\"00u2\",\"title\":\"Manager\",\"name\":{\"givenName\":\"Babs\"}}");
    assertThat(changes).extracting(AttributeChange::path, c -> text(c.from()), c -> text(c.to()))
        .containsExactly(
            tuple("active", "true", "false"),
            tuple("externalId", "00u1", "00u2"),
            tuple("name.givenName", "***", "***"),
            tuple("title", "***", "***"));
  }

  @Test
  void anEmailKeepsItsFirstCharacterAndDomain() {
    List<AttributeChange> changes = changes("User", "{\"userName\":\"bjensen@example.com\"}",
        "{\"userName\":\"barbara.jensen@corp.example.org\"}");
    assertThat(changes.get(0).from().asText()).isEqualTo("b***@example.com");
    assertThat(changes.get(0).to().asText()).isEqualTo("b***@corp.example.org");
  }

  @Test
  void aGroupsDisplayNameIsKeptButAUsersIsMasked() {
    assertThat(changes("Group", "{\"displayName\":\"Sales\"}", "{\"displayName\":\"Marketing\"}").get(0).to().asText())
        .isEqualTo("Marketing");
    assertThat(changes("User", "{\"displayName\":\"Babs\"}", "{\"displayName\":\"Barbara\"}").get(0).to().asText())
        .isEqualTo("***");
  }

  @Test
  void multiValuedAttributesAreMatchedByTypeElseByPosition() {
    List<AttributeChange> changes = changes("User",
        "{\"emails\":[{\"type\":\"work\",\"value\":\"a@x.com\"},{\"type\":\"home\",\"value\":\"a@y.com\"}],"
            + "\"addresses\":[{\"locality\":\"Oslo\"}]}",
        "{\"emails\":[{\"type\":\"home\",\"value\":\"a@y.com\"},{\"type\":\"work\",\"value\":\"a@z.com\"}],"
            + "\"addresses\":[{\"locality\":\"Bergen\"}]}");
    assertThat(changes).extracting(AttributeChange::path, AttributeChange::op)
        .containsExactly(
            tuple("addresses[0].locality", "replace"),
            tuple("emails[type eq \"work\"].value", "replace"));
  }

  @Test
  void extensionAttributesAreNamedByTheirSchemaUrn() {
    String urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    List<AttributeChange> changes = changes("User", "{\"" + urn + "\":{\"department\":\"Sales\"}}",
        "{\"" + urn + "\":{\"department\":\"Tours\",\"manager\":{\"value\":\"26118915\"}}}");
    assertThat(changes).extracting(AttributeChange::path, AttributeChange::op, c -> text(c.to()))
        .containsExactly(
            tuple(urn + ":department", "replace", "***"),
            tuple(urn + ":manager.value", "add", "26118915"));
  }

  @Test
  void aCreationAddsEveryAttributeAndAnUnchangedDocumentHasNoChanges() {
    assertThat(changes("User", null, "{\"userName\":\"ada\",\"active\":true}"))
        .extracting(AttributeChange::path, AttributeChange::op, c -> c.from())
        .containsExactly(tuple("active", "add", null), tuple("userName", "add", null));
    assertThat(changes("User", "{\"userName\":\"ada\"}", "{\"userName\":\"ada\"}")).isEmpty();
  }

  @Test
  void aRemovedAttributeHasNoNewValue() {
    AttributeChange removed = changes("User", "{\"nickName\":\"Babs\"}", "{}").get(0);
    assertThat(removed.op()).isEqualTo("remove");
    assertThat(removed.to()).isNull();
    assertThat(removed.from().asText()).isEqualTo("***");
  }

  @Test
  void moreThanTheMaximumOfChangesIsTruncated() {
    ObjectNode after = ScimJson.MAPPER.createObjectNode();
    for (int i = 0; i < ResourceRevision.MAX_CHANGES + 5; i++) {
      after.put("a" + i, i);
    }
    ResourceRevision revision = ResourceRevision.between("c", "User", "id", 1, Instant.EPOCH, null, after);
    assertThat(revision.changes()).hasSize(ResourceRevision.MAX_CHANGES);
    assertThat(revision.truncated()).isTrue();
  }

  @Test
  void anErrorDetailKeepsItsWordsButNotQuotedValuesOrEmails() {
    assertThat(Redaction.detail("Cannot evaluate emails[value eq \"ada@example.com\"]: no match"))
        .isEqualTo("Cannot evaluate emails[value eq \"***\"]: no match");
    assertThat(Redaction.detail("User ada@example.com not found")).isEqualTo("User a***@example.com not found");
    assertThat(Redaction.detail("Attribute 'userName' is required")).isEqualTo("Attribute 'userName' is required");
  }
}
