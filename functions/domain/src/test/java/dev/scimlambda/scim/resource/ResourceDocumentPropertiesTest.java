package dev.scimlambda.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.scim.JsonArbitraries;
import dev.scimlambda.scim.ScimTesting;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client POSTs or PUTs, the answer is a document or a SCIM error that has a scimType. */
class ResourceDocumentPropertiesTest {

  @Property(tries = 2000)
  void anyBodyCreatesADocumentOrGivesAScimError(@ForAll("bodies") JsonNode body) {
    documentOrScimError(() -> ResourceDocument.validateForCreate(body, ScimTesting.usersWithBadges()));
    documentOrScimError(() -> ResourceDocument.validateForCreate(body, ScimTesting.groups()));
  }

  @Property(tries = 2000)
  void anyBodyReplacesADocumentOrGivesAScimError(@ForAll("bodies") JsonNode body) {
    ObjectNode existing = ScimTesting.bjensen();
    existing.putObject(ScimTesting.BADGE).put("badgeId", "B-1").put("level", "visitor");
    ObjectNode before = existing.deepCopy();

    documentOrScimError(() -> ResourceDocument.replace(existing, body, ScimTesting.usersWithBadges()));

    assertThat(existing).isEqualTo(before);
  }

  @Property(tries = 1000)
  void aCreatedDocumentIsCanonicalAndHoldsNoServerOwnedAttributes(@ForAll("bodies") JsonNode body) {
    ObjectNode document;
    try {
      document = ResourceDocument.validateForCreate(body, ScimTesting.usersWithBadges());
    } catch (Problem e) {
      return;
    }
    assertThat(ResourceDocument.canonicalize(document, ScimTesting.usersWithBadges())).isEqualTo(document);
    assertThat(document.has("id") || document.has("meta") || document.has("groups") || document.has("password")).isFalse();
    assertThat(document.get("userName").asText()).isNotBlank();
  }

  private static void documentOrScimError(Supplier<ObjectNode> call) {
    try {
      assertThat(call.get()).isNotNull();
    } catch (Problem e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).as("scimType of: " + e.getMessage()).isNotNull();
    }
  }

  /** Arbitrary JSON, and objects that at least list the core schema, so that checks past the first are reached. */
  @Provide
  Arbitrary<JsonNode> bodies() {
    Arbitrary<JsonNode> listingTheSchema = JsonArbitraries.objects(4).map(object -> {
      object.putArray("schemas").add(ScimTesting.USER).add(ScimTesting.GROUP);
      if (!object.has("userName")) {
        object.put("userName", "bjensen");
      }
      if (!object.has("displayName")) {
        object.put("displayName", "Tour Guides");
      }
      return object;
    });
    return Arbitraries.oneOf(JsonArbitraries.json(4), listingTheSchema, listingTheSchema);
  }
}
