package dev.scimlambda.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.resource.JsonFields;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one value at an attribute path ({@code name.givenName}, {@code emails[type eq "work"].value},
 * {@code urn:...:enterprise:2.0:User:department}, a custom extension's {@code urn:...:User:costCenter})
 * out of resources. Paths are parsed and checked as PATCH paths are, so a mapping accepts exactly
 * the paths an IdP could write.
 */
public final class AttributeReader {

  private static final String VALUE = "value";
  private static final String PRIMARY = "primary";

  private final Target.AttributePath path;
  private final String sub;

  private AttributeReader(Target.AttributePath path, String sub) {
    this.path = path;
    this.sub = sub;
  }

  /**
   * @throws dev.scimlambda.problem.InvalidInputException 400 invalidPath naming the path: malformed, an
   *     attribute the core schema or a known extension does not define, or a whole schema or
   *     complex attribute that holds no single value
   */
  public static AttributeReader of(String path, ResourceSchema schema) {
    Target target = Paths.resolve(path, schema, ScimJson.MAPPER.createObjectNode());
    if (!(target instanceof Target.AttributePath attribute)) {
      throw Paths.invalidPath("Path '" + path + "' names a whole schema, not one attribute");
    }
    String sub = attribute.sub();
    Attribute definition = attribute.definition();
    if (sub == null && definition != null && definition.isComplex()) {
      // A complex attribute reads as its value sub-attribute when it has one (emails, manager).
      if (definition.subAttribute(VALUE).isEmpty()) {
        throw Paths.invalidPath("Path '" + path + "' names the complex attribute '" + definition.name()
            + "'; name one of its sub-attributes");
      }
      sub = VALUE;
    }
    return new AttributeReader(attribute, sub);
  }

  /**
   * The value at the path, or null when the resource has none. Of a multi-valued attribute's
   * matching values the primary one counts, else the first that has a value.
   */
  public JsonNode read(ObjectNode document) {
    JsonNode owner = path.urn() == null ? document : JsonFields.get(document, path.urn());
    if (owner == null || !owner.isObject()) {
      return null;
    }
    JsonNode value = JsonFields.get((ObjectNode) owner, path.name());
    if (value == null) {
      return null;
    }
    List<JsonNode> candidates = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(element -> {
        if (path.filter() == null || ValueFilters.matches(path.filter(), element, path.definition())) {
          candidates.add(isPrimary(element) ? 0 : candidates.size(), element);
        }
      });
    } else if (path.filter() == null) {
      candidates.add(value);
    }
    for (JsonNode candidate : candidates) {
      JsonNode found = sub == null ? candidate : candidate.isObject() ? JsonFields.get((ObjectNode) candidate, sub) : null;
      if (found != null && found.isValueNode() && !found.isNull() && !found.asText().isEmpty()) {
        return found;
      }
    }
    return null;
  }

  private static boolean isPrimary(JsonNode element) {
    if (!element.isObject()) {
      return false;
    }
    JsonNode primary = JsonFields.get((ObjectNode) element, PRIMARY);
    return primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText()));
  }
}
