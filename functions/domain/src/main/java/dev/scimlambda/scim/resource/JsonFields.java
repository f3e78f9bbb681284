package dev.scimlambda.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field access on SCIM documents, where attribute names and schema URNs compare
 * case-insensitively (RFC 7643 §2.1) but are written in one canonical casing.
 */
public final class JsonFields {

  private JsonFields() {}

  /** The name under which {@code object} holds {@code name}, exact casing first; null when absent. */
  public static String find(ObjectNode object, String name) {
    if (object.has(name)) {
      return name;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getKey();
      }
    }
    return null;
  }

  /** The value {@code object} holds under {@code name} in any casing; null when absent. */
  public static JsonNode get(ObjectNode object, String name) {
    String key = find(object, name);
    return key == null ? null : object.get(key);
  }

  /**
   * Sets {@code name} to {@code value}, replacing any field whose name differs only in casing,
   * at the position of the first such field.
   */
  public static void put(ObjectNode object, String name, JsonNode value) {
    if (!hasVariant(object, name)) {
      object.set(name, value);
      return;
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    boolean placed = false;
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        if (!placed) {
          fields.put(name, value);
          placed = true;
        }
      } else {
        fields.put(field.getKey(), field.getValue());
      }
    }
    object.removeAll();
    object.setAll(fields);
  }

  /** Removes {@code name} in every casing. */
  public static void remove(ObjectNode object, String name) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        keys.add(field.getKey());
      }
    }
    object.remove(keys);
  }

  /** RFC 8141: a schema URN, compared case-insensitively on its {@code urn:} prefix. */
  public static boolean isUrn(String name) {
    return name.length() > 4 && name.regionMatches(true, 0, "urn:", 0, 4);
  }

  private static boolean hasVariant(ObjectNode object, String name) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name) && !field.getKey().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
