package dev.scimlambda.scim.patch;

import static dev.scimlambda.scim.ScimTesting.BADGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.scim.JsonArbitraries;
import dev.scimlambda.scim.ScimTesting;
import dev.scimlambda.scim.resource.ResourceDocument;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends, PATCH answers with a document or a SCIM error that has a scimType:
 * never a NullPointerException, ClassCastException or any other failure of the server's own.
 * Properties over composed requests draw at random only: their combined edge cases would take
 * every try and keep to the first path and op of each list.
 */
class ScimPatchPropertiesTest {

  @Property(tries = 1500)
  void anyJsonBodyGivesADocumentOrAScimError(@ForAll("bodies") JsonNode body) {
    documentOrScimError(() -> ScimPatch.apply(ScimTesting.bjensen(), body, ScimTesting.users()));
  }

  @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
  void anyOperationsOnAUserGiveADocumentOrAScimError(
      @ForAll("patchRequests") JsonNode request, @ForAll("users") ObjectNode user) {
    documentOrScimError(() -> ScimPatch.apply(user, request, ScimTesting.usersWithBadges()));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void anyOperationsOnAGroupGiveADocumentOrAScimError(
      @ForAll("patchRequests") JsonNode request, @ForAll("groups") ObjectNode group) {
    documentOrScimError(() -> ScimPatch.apply(group, request, ScimTesting.groups()));
  }

  @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
  void anyPathGivesADocumentOrAScimError(
      @ForAll("paths") String path, @ForAll("ops") String op, @ForAll("values") JsonNode value) {
    ObjectNode request = ScimTesting.patchRequest();
    ObjectNode operation = request.withArray("Operations").addObject().put("op", op).put("path", path);
    operation.set("value", value);
    documentOrScimError(() -> ScimPatch.apply(ScimTesting.bjensen(), request, ScimTesting.usersWithBadges()));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void theResourceAndTheRequestAreNeverModified(@ForAll("patchRequests") JsonNode request, @ForAll("users") ObjectNode user) {
    ObjectNode userBefore = user.deepCopy();
    JsonNode requestBefore = request.deepCopy();
    try {
      ScimPatch.apply(user, request, ScimTesting.usersWithBadges());
    } catch (Problem e) {
      // Failing or not, nothing changes.
    }
    assertThat(user).isEqualTo(userBefore);
    assertThat(request).isEqualTo(requestBefore);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void aPatchedDocumentIsCanonical(@ForAll("patchRequests") JsonNode request) {
    ResourceSchema schema = ScimTesting.usersWithBadges();
    ObjectNode patched;
    try {
      patched = ScimPatch.apply(ScimTesting.bjensen(), request, schema);
    } catch (Problem e) {
      return;
    }
    assertThat(ResourceDocument.canonicalize(patched, schema)).isEqualTo(patched);
    assertThat(patched.fieldNames().next()).isEqualTo("schemas");
    assertThat(patched.get("id")).isEqualTo(ScimTesting.bjensen().get("id"));
    assertThat(patched.get("meta")).isEqualTo(ScimTesting.bjensen().get("meta"));
    assertThat(patched.has("password")).isFalse();
  }

  static void documentOrScimError(Supplier<ObjectNode> call) {
    try {
      assertThat(call.get()).isNotNull();
    } catch (Problem e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).as("scimType of: " + e.getMessage()).isNotNull();
    }
  }

  @Provide
  Arbitrary<JsonNode> bodies() {
    return Arbitraries.oneOf(JsonArbitraries.json(4), JsonArbitraries.patchRequests());
  }

  @Provide
  Arbitrary<JsonNode> patchRequests() {
    return JsonArbitraries.patchRequests();
  }

  @Provide
  Arbitrary<String> paths() {
    return JsonArbitraries.paths();
  }

  @Provide
  Arbitrary<String> ops() {
    return Arbitraries.of("add", "Replace", "remove");
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return JsonArbitraries.json(3);
  }

  /** Babs as stored, with a badge, or with odd values where a stored document should have none. */
  @Provide
  Arbitrary<ObjectNode> users() {
    Arbitrary<ObjectNode> plain = Arbitraries.create(ScimTesting::bjensen);
    Arbitrary<ObjectNode> badged = Arbitraries.create(() -> {
      ObjectNode user = ScimTesting.bjensen();
      user.putObject(BADGE).put("badgeId", "B-1").put("level", "visitor");
      return user;
    });
    Arbitrary<ObjectNode> odd = Combinators.combine(JsonArbitraries.names(), JsonArbitraries.json(2)).as(Map::entry)
        .list().ofMaxSize(3)
        .map(fields -> {
          ObjectNode user = ScimTesting.bjensen();
          fields.forEach(field -> user.set(field.getKey(), field.getValue()));
          return user;
        });
    return Arbitraries.oneOf(plain, badged, odd);
  }

  @Provide
  Arbitrary<ObjectNode> groups() {
    return Arbitraries.create(ScimTesting::tourGuides);
  }
}
