package dev.scimlambda.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The difference between two JSON documents as changed leaf paths with their raw values. Objects
 * are followed attribute by attribute; a multi-valued complex attribute whose values all carry a
 * distinct {@code type} (emails, phoneNumbers, addresses) is matched by type, any other array by
 * position. Values never become part of a path other than through {@code type}, so a path can be
 * shown where values cannot.
 */
public final class JsonDiff {

  private JsonDiff() {}

  /** A changed leaf, with the raw (unredacted) values. */
  public record Change(String path, String leaf, JsonNode from, JsonNode to) {

    public String op() {
      return from == null ? "add" : to == null ? "remove" : "replace";
    }
  }

  /** Changes in path order; {@code before} or {@code after} may be null (creation, deletion). */
  public static List<Change> between(JsonNode before, JsonNode after) {
    Map<String, Leaf> old = flatten(before);
    Map<String, Leaf> now = flatten(after);
    Set<String> paths = new TreeSet<>(old.keySet());
    paths.addAll(now.keySet());
    List<Change> changes = new ArrayList<>();
    for (String path : paths) {
      Leaf from = old.get(path);
      Leaf to = now.get(path);
      if (from == null || to == null || !from.value().equals(to.value())) {
        Leaf any = to == null ? from : to;
        changes.add(new Change(path, any.name(), from == null ? null : from.value(), to == null ? null : to.value()));
      }
    }
    return changes;
  }

  /** A leaf value and the name of the attribute holding it. */
  private record Leaf(String name, JsonNode value) {}

  private static Map<String, Leaf> flatten(JsonNode document) {
    Map<String, Leaf> leaves = new TreeMap<>();
    if (document != null && document.isObject()) {
      flattenObject("", ".", document, leaves);
    }
    return leaves;
  }

  private static void flattenObject(String prefix, String separator, JsonNode object, Map<String, Leaf> leaves) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String path = prefix.isEmpty() ? name : prefix + separator + name;
      flattenValue(path, name, field.getValue(), leaves);
    }
  }

  private static void flattenValue(String path, String name, JsonNode value, Map<String, Leaf> leaves) {
    if (value.isObject() && !value.isEmpty()) {
      // Extension attributes are written under their schema URN (urn:...:User:department), as SCIM paths write them.
      flattenObject(path, path.startsWith("urn:") && path.equals(name) ? ":" : ".", value, leaves);
    } else if (value.isArray() && !value.isEmpty() && allObjects(value)) {
      boolean byType = distinctTypes(value);
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = value.get(i);
        String selector = byType ? "[type eq \"" + typeLabel(element.get("type").asText()) + "\"]" : "[" + i + "]";
        flattenObject(path + selector, ".", element, leaves);
      }
    } else {
      leaves.put(path, new Leaf(name, value));
    }
  }

  /** Types are short canonical words (work, home); anything else is cut so a path stays a path. */
  private static String typeLabel(String type) {
    String plain = type.replace("\"", "").replace("\\", "");
    return plain.length() <= 32 ? plain : plain.substring(0, 32);
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static boolean distinctTypes(JsonNode array) {
    Set<String> types = new HashSet<>();
    for (JsonNode element : array) {
      JsonNode type = element.get("type");
      if (type == null || !type.isTextual() || !types.add(type.asText())) {
        return false;
      }
    }
    return true;
  }
}
