package dev.scimlambda.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An attribute path resolved against a schema: where its values sit in a document and, when the
 * schema knows the attribute, its definition.
 *
 * @param extension the top-level key of the extension object holding the attribute; null for core
 *     and common attributes, and for paths relative to a complex value
 * @param names attribute names from that object down (empty for a whole extension object)
 * @param definition the definition of the last name; null when the schema does not know it
 */
record ResolvedPath(String extension, List<String> names, Attribute definition) {

  private static final String VALUE = "value";

  /**
   * Resolves {@code path} from the top of a resource of {@code schema}. UnboundID splits
   * {@code urn:...:enterprise:2.0:User} as schema {@code urn:...:2.0}, attribute {@code User}; a known
   * schema URN split like that is taken whole again.
   */
  static ResolvedPath resolve(Path path, ResourceSchema schema) {
    List<String> all = names(path);
    String parsedUrn = path.getSchemaUrn();
    boolean split = parsedUrn != null && !all.isEmpty() && isKnownSchema(parsedUrn + ":" + all.get(0), schema);
    String urn = split ? parsedUrn + ":" + all.get(0) : parsedUrn;
    List<String> names = split ? all.subList(1, all.size()) : all;
    boolean core = urn == null || urn.equalsIgnoreCase(schema.core().id());
    if (names.isEmpty()) {
      return new ResolvedPath(core ? null : urn, List.of(), null);
    }
    String first = names.get(0);
    Optional<Attribute> top = core ? schema.coreAttribute(first) : schema.extension(urn).flatMap(s -> s.attribute(first));
    return new ResolvedPath(core ? null : urn, names, below(top.orElse(null), names));
  }

  /** Resolves {@code path} relative to a value of the complex attribute {@code parent} (null if unknown). */
  static ResolvedPath resolveWithin(Path path, Attribute parent) {
    List<String> names = names(path);
    Attribute top = parent == null || names.isEmpty() ? null : parent.subAttribute(names.get(0)).orElse(null);
    return new ResolvedPath(null, names, below(top, names));
  }

  private static Attribute below(Attribute top, List<String> names) {
    if (top == null || names.size() == 1) {
      return top;
    }
    return names.size() == 2 ? top.subAttribute(names.get(1)).orElse(null) : null;
  }

  private static List<String> names(Path path) {
    List<String> names = new ArrayList<>(path.size());
    for (Path.Element element : path) {
      if (element.getValueFilter() != null) {
        throw new InvalidInputException(ScimType.invalidFilter, "A value filter is not allowed inside this attribute path.");
      }
      names.add(element.getAttribute());
    }
    return List.copyOf(names);
  }

  private static boolean isKnownSchema(String urn, ResourceSchema schema) {
    return urn.equalsIgnoreCase(schema.core().id()) || schema.extension(urn).isPresent();
  }

  /** The whole extension object, as in {@code urn:...:enterprise:2.0:User pr}. */
  boolean isWholeExtension() {
    return names.isEmpty();
  }

  /** Complex by its definition, or a whole extension object. */
  boolean isComplex() {
    return isWholeExtension() || (definition != null && definition.isComplex());
  }

  /**
   * RFC 7644 §3.4.2.2: a comparison on a complex attribute without a sub-attribute compares its
   * {@code value} sub-attribute ({@code emails co "example.com"}). Paths to anything else, and to
   * complex attributes without one, are returned as they are.
   */
  ResolvedPath valueOfComplex() {
    if (definition != null && definition.isComplex()) {
      Optional<Attribute> value = definition.subAttribute(VALUE);
      if (value.isPresent()) {
        List<String> extended = new ArrayList<>(names);
        extended.add(VALUE);
        return new ResolvedPath(extension, List.copyOf(extended), value.get());
      }
    }
    return this;
  }

  /** {@code attr.sub} in lower case, URN-qualified for extension attributes: keys for lookups. */
  String canonical() {
    String joined = String.join(".", names).toLowerCase(Locale.ROOT);
    return extension == null ? joined : extension.toLowerCase(Locale.ROOT) + (names.isEmpty() ? "" : ":" + joined);
  }

  /**
   * The values at this path in {@code node} (a resource, or a complex value for relative paths):
   * multi-valued attributes contribute each of their values, null and missing ones none.
   */
  List<JsonNode> values(JsonNode node) {
    List<JsonNode> current = new ArrayList<>(1);
    addFlattened(current, extension == null ? node : Json.field(node, extension));
    for (String name : names) {
      List<JsonNode> next = new ArrayList<>(current.size());
      for (JsonNode value : current) {
        if (value.isObject()) {
          addFlattened(next, Json.field(value, name));
        }
      }
      current = next;
      if (current.isEmpty()) {
        break;
      }
    }
    return current;
  }

  private static void addFlattened(List<JsonNode> into, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> addFlattened(into, element));
    } else {
      into.add(node);
    }
  }
}
