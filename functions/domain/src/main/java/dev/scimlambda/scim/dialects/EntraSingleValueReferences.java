package dev.scimlambda.scim.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;

/**
 * Microsoft Entra ID sends a single-valued complex attribute with a {@code value} sub-attribute
 * (the enterprise {@code manager}) as the bare value ({@code "manager": "<id>"}) or as an array of
 * exactly one object ({@code [{"value": "<id>"}]}). Both have one meaning only, so they are read as
 * that object; an array of two objects, or of bare values, stays invalid.
 */
public final class EntraSingleValueReferences {

  private static final String VALUE = "value";

  private EntraSingleValueReferences() {}

  /**
   * The object meant, when {@code value} is one of these forms of a reference-like attribute
   * ({@code referenceLike}: single-valued, with a {@code value} sub-attribute); null otherwise.
   */
  public static ObjectNode asObject(boolean referenceLike, JsonNode value) {
    if (referenceLike && value.isArray() && value.size() == 1 && value.get(0).isObject()) {
      return (ObjectNode) value.get(0);
    }
    if (value.isTextual() && referenceLike) {
      return ScimJson.MAPPER.createObjectNode().set(VALUE, value);
    }
    return null;
  }
}
