package dev.scimlambda.scim.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * Microsoft Entra ID sends booleans as the strings {@code "True"} and {@code "False"} (in PATCH
 * values such as {@code {"op":"Replace","path":"active","value":"False"}}): a boolean attribute
 * reads them, trimmed and in any case, as the booleans they name.
 */
public final class EntraBooleanStrings {

  private EntraBooleanStrings() {}

  /** The boolean a JSON boolean or such a string names; null for anything else. */
  public static BooleanNode read(JsonNode value) {
    if (value.isBoolean()) {
      return (BooleanNode) value;
    }
    if (value.isTextual()) {
      String text = value.textValue().trim();
      if (text.equalsIgnoreCase("true")) {
        return BooleanNode.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return BooleanNode.FALSE;
      }
    }
    return null;
  }
}
