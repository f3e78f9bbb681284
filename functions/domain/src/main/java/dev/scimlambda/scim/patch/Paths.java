package dev.scimlambda.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.resource.AttributeValues;
import dev.scimlambda.scim.resource.JsonFields;
import dev.scimlambda.scim.resource.ResourceDocument;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.Schema;
import java.util.Optional;

/**
 * Resolves PATCH paths (RFC 7644 §3.5.2, {@code PATH = attrPath / valuePath [subAttr]}) against
 * the resource's schemas. The syntax, value filters included, is UnboundID's {@link Path} parser;
 * what the names mean is this class's.
 */
final class Paths {

  private Paths() {}

  /**
   * The target of an operation's {@code path}.
   *
   * @throws dev.scimlambda.problem.InvalidInputException 400 invalidPath for a malformed path, an attribute
   *     the core schema or a known extension does not define, a sub-attribute of a simple
   *     attribute, or a value filter on a single-valued attribute
   */
  static Target resolve(String path, ResourceSchema schema, ObjectNode document) {
    String text = path.trim();
    if (JsonFields.isUrn(text) && text.indexOf('[') < 0) {
      Optional<Target> whole = wholeSchema(text, schema, document);
      if (whole.isPresent()) {
        return whole.get();
      }
    }
    Path parsed = parse(text);
    String urn = parsed.getSchemaUrn();
    if (parsed.isRoot()) {
      // "urn:...:" with a trailing colon names the schema itself.
      if (urn == null) {
        throw invalidPath("Path '" + path + "' names no attribute");
      }
      return wholeSchema(urn, schema, document).orElseGet(() -> new Target.Extension(storedKey(urn, document), null));
    }
    if (parsed.size() > 2) {
      throw invalidPath("Path '" + path + "' goes deeper than attribute.subAttribute");
    }
    Path.Element top = parsed.getElement(0);
    Path.Element second = parsed.size() == 2 ? parsed.getElement(1) : null;
    if (second != null && second.getValueFilter() != null) {
      throw invalidPath("Path '" + path + "' filters a sub-attribute; only the attribute takes a value filter");
    }
    boolean core = urn == null || urn.equalsIgnoreCase(schema.core().id());
    if (core && top.getAttribute().equalsIgnoreCase(ResourceDocument.SCHEMAS)) {
      return new Target.Schemas();
    }
    String owner;
    Attribute definition;
    if (core) {
      owner = null;
      definition = schema.coreAttribute(top.getAttribute())
          .orElseThrow(() -> invalidPath("'" + top.getAttribute() + "' is not an attribute of " + schema.core().id()));
    } else if (schema.extension(urn).isPresent()) {
      Schema extension = schema.extension(urn).get();
      owner = extension.id();
      definition = extension.attribute(top.getAttribute())
          .orElseThrow(() -> invalidPath("'" + top.getAttribute() + "' is not an attribute of " + extension.id()));
    } else {
      owner = storedKey(urn, document);
      definition = null;
    }
    Filter filter = top.getValueFilter();
    if (filter != null && definition != null && !definition.multiValued()) {
      throw invalidPath("'" + definition.name() + "' is single-valued and takes no value filter");
    }
    String sub = null;
    Attribute subDefinition = null;
    if (second != null) {
      if (definition == null) {
        sub = second.getAttribute();
      } else {
        if (!definition.isComplex()) {
          throw invalidPath("'" + definition.name() + "' has no sub-attributes");
        }
        subDefinition = definition.subAttribute(second.getAttribute())
            .orElseThrow(() -> invalidPath("'" + second.getAttribute() + "' is not a sub-attribute of '" + definition.name() + "'"));
        sub = subDefinition.name();
      }
    }
    String name = definition == null ? top.getAttribute() : definition.name();
    return new Target.AttributePath(owner, name, definition, filter, sub, subDefinition, text);
  }

  /**
   * The target of a key of a path-less value: an attribute path ({@code "nickName"},
   * {@code "name.givenName"}, {@code "urn:...:User:department"}), an extension's URN holding its
   * attributes, or the core schema's URN holding core attributes. A URN that is neither a known
   * schema nor a known schema's attribute, and holds an object, is a custom extension.
   */
  static Target resolveKey(String key, JsonNode value, ResourceSchema schema, ObjectNode document) {
    String text = key.trim();
    if (JsonFields.isUrn(text) && text.indexOf('[') < 0) {
      Optional<Target> whole = wholeSchema(text, schema, document);
      if (whole.isPresent()) {
        return whole.get();
      }
      String prefix = text.substring(0, text.lastIndexOf(':'));
      boolean knownPrefix = prefix.equalsIgnoreCase(schema.core().id()) || schema.extension(prefix).isPresent();
      if (!knownPrefix && (value.isObject() || AttributeValues.isAbsent(value))) {
        return new Target.Extension(text, null);
      }
    }
    return resolve(text, schema, document);
  }

  /** The core schema, a known extension, or a custom extension the resource already has. */
  private static Optional<Target> wholeSchema(String urn, ResourceSchema schema, ObjectNode document) {
    if (urn.equalsIgnoreCase(schema.core().id())) {
      return Optional.of(new Target.Resource());
    }
    Optional<Schema> extension = schema.extension(urn);
    if (extension.isPresent()) {
      return Optional.of(new Target.Extension(extension.get().id(), extension.get()));
    }
    JsonNode stored = JsonFields.get(document, urn);
    if ((stored != null && stored.isObject()) || listed(urn, document)) {
      return Optional.of(new Target.Extension(storedKey(urn, document), null));
    }
    return Optional.empty();
  }

  private static boolean listed(String urn, ObjectNode document) {
    JsonNode schemas = JsonFields.get(document, ResourceDocument.SCHEMAS);
    if (schemas != null && schemas.isArray()) {
      for (JsonNode listed : schemas) {
        if (listed.isTextual() && listed.textValue().equalsIgnoreCase(urn)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A custom extension's URN as the resource already spells it, else as given. */
  private static String storedKey(String urn, ObjectNode document) {
    String key = JsonFields.find(document, urn);
    return key == null ? urn : key;
  }

  private static Path parse(String text) {
    requireClosedFilters(text);
    try {
      return Path.fromString(text);
    } catch (ScimException e) {
      throw invalidPath("Invalid path '" + text + "': " + e.getMessage());
    } catch (RuntimeException e) {
      // UnboundID's parser reports most malformed paths as above, a few only as runtime errors.
      throw invalidPath("Invalid path '" + text + "'");
    }
  }

  /** UnboundID's parser accepts a value filter left open ({@code emails[type eq "work"}); RFC 7644 does not. */
  private static void requireClosedFilters(String text) {
    boolean open = false;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        if (open) {
          throw invalidPath("Path '" + text + "' opens a value filter inside another");
        }
        open = true;
      } else if (c == ']') {
        if (!open) {
          throw invalidPath("Path '" + text + "' closes a value filter it did not open");
        }
        open = false;
      }
    }
    if (open || quoted) {
      throw invalidPath("Path '" + text + "' leaves a value filter or a string open");
    }
  }

  static dev.scimlambda.problem.InvalidInputException invalidPath(String detail) {
    return new dev.scimlambda.problem.InvalidInputException(ScimType.invalidPath, detail);
  }
}
