package dev.scimlambda.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.Returned;
import dev.scimlambda.scim.schema.Schema;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which attributes a response carries: RFC 7643 §2.4 {@code returned} together with the
 * {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5, §3.9).
 *
 * <ul>
 *   <li>{@code returned: always} ({@code id}, and {@code schemas}) is always there, even when
 *       excluded; {@code never} ({@code password}) never is.
 *   <li>Without {@code attributes}: every {@code default} attribute; {@code request} ones only when
 *       named in {@code attributes}.
 *   <li>With {@code attributes}: only those named, where {@code name} means all of name's default
 *       sub-attributes, {@code name.givenName} only that one, {@code emails.value} the value of each
 *       email, and a bare extension URN the whole extension object.
 *   <li>{@code excludedAttributes} then removes what it names, attributes or sub-attributes.
 * </ul>
 *
 * Names match in any case, optionally qualified with the core schema URN; unknown names are
 * ignored. {@code meta} is a default attribute like any other. Attributes the schema does not know
 * count as default. Objects and arrays left empty are left out. The result is a new tree that keeps
 * the document's order and spelling of names.
 */
public final class Projection {

  private static final String SCHEMAS = "schemas";

  private enum Mode { ALL, NAMED }

  private final Set<String> requested;
  private final Set<String> excluded;
  private final boolean restricted;

  private Projection(Set<String> requested, Set<String> excluded) {
    this.requested = requested;
    this.excluded = excluded;
    this.restricted = !requested.isEmpty();
  }

  /** The attributes and excludedAttributes lists as {@link AttributeList#parse} returns them. */
  public static ObjectNode apply(
      ObjectNode resource, ResourceSchema schema, List<String> attributes, List<String> excludedAttributes) {
    String core = Json.fold(schema.core().id());
    return new Projection(normalised(attributes, core), normalised(excludedAttributes, core)).project(resource, schema);
  }

  /** Lower case, without the core schema URN in front of core attributes. */
  private static Set<String> normalised(List<String> paths, String core) {
    Set<String> out = new HashSet<>();
    if (paths != null) {
      for (String path : paths) {
        String lower = Json.fold(path.strip());
        out.add(lower.startsWith(core + ":") ? lower.substring(core.length() + 1) : lower);
      }
    }
    return out;
  }

  private ObjectNode project(ObjectNode resource, ResourceSchema schema) {
    String core = Json.fold(schema.core().id());
    ObjectNode out = resource.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      JsonNode projected;
      if (name.equalsIgnoreCase(SCHEMAS)) {
        projected = value.deepCopy();
      } else if (isExtension(name, value, schema)) {
        projected = extension(name, (ObjectNode) value, schema.extension(name));
      } else {
        projected = attribute(name, value, schema.coreAttribute(name).orElse(null), "", requested.contains(core));
      }
      if (projected != null) {
        out.set(name, projected);
      }
    }
    return out;
  }

  /** A known extension, or an object under a URN: a custom extension we keep as it came. */
  private static boolean isExtension(String name, JsonNode value, ResourceSchema schema) {
    return value.isObject()
        && (schema.extension(name).isPresent()
            || (name.regionMatches(true, 0, "urn:", 0, 4) && !name.equalsIgnoreCase(schema.core().id())));
  }

  private JsonNode extension(String urn, ObjectNode value, Optional<Schema> schema) {
    String scope = Json.fold(urn);
    if (excluded.contains(scope)) {
      return null;
    }
    Function<String, Attribute> definitions = name -> schema.flatMap(s -> s.attribute(name)).orElse(null);
    ObjectNode out = value.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode projected =
          attribute(field.getKey(), field.getValue(), definitions.apply(field.getKey()), scope + ":", requested.contains(scope));
      if (projected != null) {
        out.set(field.getKey(), projected);
      }
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * One top-level attribute of the core schema (prefix "") or of an extension (prefix
   * "urn...:"), or null to leave it out.
   */
  private JsonNode attribute(String name, JsonNode value, Attribute definition, String prefix, boolean wholeSchemaRequested) {
    Returned returned = definition == null ? Returned.DEFAULT : definition.returned();
    String path = prefix + Json.fold(name);
    if (returned == Returned.ALWAYS) {
      return value.deepCopy();
    }
    if (returned == Returned.NEVER || excluded.contains(path)) {
      return null;
    }
    if (returned == Returned.REQUEST && !requested.contains(path)) {
      return null;
    }
    Mode mode;
    if (!restricted || wholeSchemaRequested || requested.contains(path)) {
      mode = Mode.ALL;
    } else if (anyRequestedBelow(path)) {
      mode = Mode.NAMED;
    } else {
      return null;
    }
    return value(value, definition, path, mode);
  }

  private boolean anyRequestedBelow(String path) {
    String prefix = path + ".";
    for (String name : requested) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode value(JsonNode value, Attribute definition, String path, Mode mode) {
    if (value.isObject()) {
      return complex((ObjectNode) value, definition, path, mode);
    }
    if (value.isArray()) {
      ArrayNode out = ((ArrayNode) value).arrayNode();
      for (JsonNode element : value) {
        JsonNode projected = element.isObject()
            ? complex((ObjectNode) element, definition, path, mode)
            : mode == Mode.ALL ? element.deepCopy() : null;
        if (projected != null) {
          out.add(projected);
        }
      }
      return out.isEmpty() ? null : out;
    }
    return mode == Mode.ALL ? value.deepCopy() : null;
  }

  private JsonNode complex(ObjectNode value, Attribute definition, String path, Mode mode) {
    ObjectNode out = value.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Attribute sub = definition == null ? null : definition.subAttribute(field.getKey()).orElse(null);
      Returned returned = sub == null ? Returned.DEFAULT : sub.returned();
      String subPath = path + "." + Json.fold(field.getKey());
      boolean include = switch (returned) {
        case ALWAYS -> true;
        case NEVER -> false;
        case REQUEST -> requested.contains(subPath) && !excluded.contains(subPath);
        case DEFAULT -> (mode == Mode.ALL || requested.contains(subPath)) && !excluded.contains(subPath);
      };
      if (include) {
        out.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return out.isEmpty() ? null : out;
  }
}
