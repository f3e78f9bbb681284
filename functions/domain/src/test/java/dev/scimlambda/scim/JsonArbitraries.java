package dev.scimlambda.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of JSON documents and PATCH paths for property tests: arbitrary, but drawn often
 * enough from SCIM's own names and values to reach past the first check.
 */
public final class JsonArbitraries {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> NAMES = List.of(
      "schemas", "Schemas", "Operations", "operations", "op", "path", "value", "VALUE",
      "id", "externalId", "meta", "created", "groups", "password",
      "userName", "USERNAME", "name", "givenName", "familyName", "name.givenName", "displayName", "nickName",
      "active", "emails", "phoneNumbers", "addresses", "streetAddress", "type", "primary", "display", "$ref",
      "x509Certificates", "members", "manager", "department", "badgeId", "floor", "clearance", "issued", "photo", "level",
      "emails[type eq \"work\"].value", "members[value eq \"1\"]",
      ScimTesting.USER, ScimTesting.ENTERPRISE, ScimTesting.BADGE, ScimTesting.GROUP, ScimTesting.PATCH_OP,
      ScimTesting.ENTERPRISE + ":department", ScimTesting.ENTERPRISE + ":manager", ScimTesting.ENTERPRISE + ":manager.value",
      ScimTesting.BADGE + ":badgeId", ScimTesting.USER + ":userName",
      "urn:example:custom:2.0:User", "urn:example:custom:2.0:User:hat", "urn:", "urn:x", "", " ");

  private static final List<String> TEXTS = List.of(
      "True", "false", "FALSE", "work", "home", "Work", "", " ", "bjensen", "a@b.example",
      "2024-02-29T08:00:00Z", "2024-13-45T99:00:00", "aGVsbG8=", "not base64!",
      ScimTesting.PATCH_OP, ScimTesting.USER, ScimTesting.ENTERPRISE, ScimTesting.BADGE,
      "add", "Add", "replace", "REPLACE", "remove", "Remove",
      ScimTesting.BJENSEN, ScimTesting.MANDY, ScimTesting.TOUR_GUIDES);

  private static final List<String> PATH_PIECES = List.of(
      "userName", "name", "givenName", "emails", "members", "value", "type", "primary", "display", "active",
      "id", "meta", "groups", "password", "addresses", "streetAddress", "manager", "displayName", "schemas", "$ref",
      ScimTesting.USER, ScimTesting.ENTERPRISE, ScimTesting.BADGE, "urn:example:custom:2.0:User", "urn:",
      ".", ":", "[", "]", " eq ", " ne ", " co ", " sw ", " ew ", " gt ", " le ", " pr", " and ", " or ", "not (", "(", ")",
      "\"work\"", "\"home\"", "\"" + ScimTesting.BJENSEN + "\"", "true", "false", "null", "1", "1.5", "\"", "\\", " ");

  private JsonArbitraries() {}

  public static Arbitrary<String> names() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(NAMES)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(6)));
  }

  public static Arbitrary<JsonNode> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(TEXTS).map(NODES::textNode)),
        Tuple.of(2, Arbitraries.strings().ofMaxLength(8).map(NODES::textNode)),
        Tuple.of(1, Arbitraries.integers().map(NODES::numberNode)),
        Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
        Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
        Tuple.of(1, Arbitraries.bigDecimals().ofScale(2).map(d -> NODES.numberNode(new BigDecimal(d.toString())))),
        Tuple.of(2, Arbitraries.of(true, false).map(NODES::booleanNode)),
        Tuple.of(1, Arbitraries.just(NODES.nullNode())));
  }

  /** Any JSON value nested up to {@code depth} levels. */
  public static Arbitrary<JsonNode> json(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> json(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars()),
        Tuple.of(1, inner.list().ofMaxSize(3).map(JsonArbitraries::array)),
        Tuple.of(2, Combinators.combine(names(), inner).as(Map::entry).list().ofMaxSize(4).map(JsonArbitraries::object)));
  }

  /** JSON objects, nested up to {@code depth} levels. */
  public static Arbitrary<ObjectNode> objects(int depth) {
    return Combinators.combine(names(), json(depth - 1)).as(Map::entry).list().ofMaxSize(5).map(JsonArbitraries::object);
  }

  /** PATCH paths: well-formed ones from SCIM names, and arbitrary strings of path syntax. */
  public static Arbitrary<String> paths() {
    Arbitrary<String> attribute = Arbitraries.of(
        "userName", "name", "emails", "members", "active", "id", "meta", "groups", "password", "addresses", "displayName",
        "x509Certificates", "schemas", "nope", ScimTesting.ENTERPRISE + ":manager", ScimTesting.ENTERPRISE + ":department",
        ScimTesting.BADGE + ":badgeId", ScimTesting.BADGE + ":floor", "urn:example:custom:2.0:User:hat");
    Arbitrary<String> sub = Arbitraries.of("value", "type", "primary", "display", "givenName", "streetAddress", "$ref", "created", "nope");
    Arbitrary<String> filter = Combinators.combine(sub, Arbitraries.of(" eq ", " ne ", " co ", " gt ", " pr", " eq "), scalars())
        .as((s, operator, v) -> operator.equals(" pr") ? s + operator : s + operator + v.toString());
    Arbitrary<String> wellFormed = Combinators.combine(attribute, filter.injectNull(0.5), sub.injectNull(0.5))
        .as((a, f, s) -> a + (f == null ? "" : "[" + f + "]") + (s == null ? "" : "." + s));
    Arbitrary<String> pieces = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(PATH_PIECES)),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(3)))
        .list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("", list));
    return Arbitraries.frequencyOf(
        Tuple.of(2, wellFormed),
        Tuple.of(1, Arbitraries.of(ScimTesting.ENTERPRISE, "urn:example:custom:2.0:User", ScimTesting.USER, ScimTesting.BADGE)),
        Tuple.of(2, pieces));
  }

  /** One PATCH operation: an op (some unknown), maybe a path, maybe a value. */
  public static Arbitrary<JsonNode> operations() {
    Arbitrary<String> op = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.of("add", "Add", "replace", "Replace", "remove", "Remove", "REMOVE")),
        Tuple.of(1, Arbitraries.of("move", "", "ADD ")));
    Arbitrary<JsonNode> value = Arbitraries.frequencyOf(Tuple.of(19, json(3)), Tuple.of(1, Arbitraries.just(null)));
    return Combinators.combine(op, paths().injectNull(0.3), value).as((o, path, v) -> {
      ObjectNode operation = NODES.objectNode();
      operation.put("op", o);
      if (path != null) {
        operation.put("path", path);
      }
      if (v != null) {
        operation.set("value", v);
      }
      return operation;
    });
  }

  /** A PatchOp message of one to three operations. */
  public static Arbitrary<JsonNode> patchRequests() {
    return operations().list().ofMinSize(1).ofMaxSize(3).map(list -> {
      ObjectNode request = NODES.objectNode();
      request.putArray("schemas").add(ScimTesting.PATCH_OP);
      request.putArray("Operations").addAll(list);
      return request;
    });
  }

  private static ArrayNode array(List<JsonNode> values) {
    ArrayNode array = NODES.arrayNode();
    array.addAll(values);
    return array;
  }

  private static ObjectNode object(List<Map.Entry<String, JsonNode>> fields) {
    ObjectNode object = NODES.objectNode();
    fields.forEach(field -> object.set(field.getKey(), field.getValue()));
    return object;
  }
}
