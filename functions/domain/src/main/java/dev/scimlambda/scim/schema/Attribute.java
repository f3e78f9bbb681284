package dev.scimlambda.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One attribute definition of a schema (RFC 7643 §7). Sub-attributes are looked up
 * case-insensitively, as RFC 7643 §2.1 makes attribute names.
 */
public record Attribute(
    String name,
    AttributeType type,
    boolean multiValued,
    boolean required,
    boolean caseExact,
    Mutability mutability,
    Returned returned,
    String uniqueness,
    Map<String, Attribute> subAttributes) {

  public Optional<Attribute> subAttribute(String name) {
    return Optional.ofNullable(subAttributes.get(name.toLowerCase(Locale.ROOT)));
  }

  public boolean isComplex() {
    return type == AttributeType.COMPLEX;
  }

  static Attribute fromJson(JsonNode node) {
    Map<String, Attribute> subs = new LinkedHashMap<>();
    JsonNode subNodes = node.path("subAttributes");
    subNodes.forEach(sub -> {
      Attribute attribute = fromJson(sub);
      subs.put(attribute.name().toLowerCase(Locale.ROOT), attribute);
    });
    return new Attribute(
        node.get("name").asText(),
        AttributeType.fromWireName(node.get("type").asText()),
        node.path("multiValued").asBoolean(false),
        node.path("required").asBoolean(false),
        node.path("caseExact").asBoolean(false),
        Mutability.fromWireName(node.path("mutability").asText("readWrite")),
        Returned.fromWireName(node.path("returned").asText("default")),
        node.path("uniqueness").asText("none"),
        Map.copyOf(subs));
  }
}
