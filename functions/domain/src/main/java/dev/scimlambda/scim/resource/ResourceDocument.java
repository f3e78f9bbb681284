package dev.scimlambda.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.Mutability;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules for resource documents sent with POST and PUT (RFC 7644 §3.3, §3.5.1), checked
 * against the resource's schemas (RFC 7643 §2). The documents these methods return hold only what
 * the server stores: attribute names in the schema's casing, read-only attributes left to the
 * server, write-only ones (a user's password) dropped after their type is checked, attributes
 * the schemas do not define dropped, and custom extensions (URN-keyed objects of schemas this
 * server does not know) kept as they came.
 */
public final class ResourceDocument {

  public static final String SCHEMAS = "schemas";
  public static final String ID = "id";
  public static final String META = "meta";

  private static final List<String> COMMON = List.of(ID, "externalId", META);

  private ResourceDocument() {}

  /**
   * The document to store for a POST body, without {@code id} and {@code meta}, which the caller
   * assigns.
   *
   * @throws InvalidInputException 400 invalidSyntax when the body is not an object or its {@code schemas}
   *     do not list the core schema; 400 invalidValue for a value of the wrong type or a missing
   *     required attribute
   */
  public static ObjectNode validateForCreate(JsonNode body, ResourceSchema schema) {
    ObjectNode document = attributesOf(body, schema);
    requireRequiredAttributes(document, schema);
    return canonicalize(document, schema);
  }

  /**
   * The document replacing {@code existing} for a PUT body. Read-only attributes ({@code id},
   * {@code meta}, a user's {@code groups}) keep the existing values whatever the body says; an
   * immutable attribute the body leaves out keeps its value, one it changes is refused.
   *
   * @throws InvalidInputException as {@link #validateForCreate}; 400 mutability when the body changes an
   *     immutable attribute that has a value
   */
  public static ObjectNode replace(ObjectNode existing, JsonNode body, ResourceSchema schema) {
    ObjectNode next = attributesOf(body, schema);
    for (Attribute attribute : coreAttributes(schema)) {
      keepServerOwned(existing, next, attribute);
    }
    for (Schema extension : schema.extensions()) {
      JsonNode old = JsonFields.get(existing, extension.id());
      if (old == null || !old.isObject()) {
        continue;
      }
      ObjectNode target = next.has(extension.id()) ? (ObjectNode) next.get(extension.id()) : ScimJson.MAPPER.createObjectNode();
      for (Attribute attribute : extension.attributes().values()) {
        keepServerOwned((ObjectNode) old, target, attribute);
      }
      if (!target.isEmpty()) {
        next.set(extension.id(), target);
      }
    }
    requireRequiredAttributes(next, schema);
    return canonicalize(next, schema);
  }

  /**
   * A copy of {@code document} whose {@code schemas} lists the core schema and the URN of every
   * extension present (RFC 7643 §3), with known extension URNs in their canonical casing and
   * empty extension objects removed. {@code schemas} comes first, {@code id} next, {@code meta}
   * last.
   */
  public static ObjectNode canonicalize(ObjectNode document, ResourceSchema schema) {
    ObjectNode copy = document.deepCopy();
    ObjectNode canonical = ScimJson.MAPPER.createObjectNode();
    ArrayNode schemas = canonical.putArray(SCHEMAS);
    schemas.add(schema.core().id());
    JsonNode id = JsonFields.get(copy, ID);
    if (id != null) {
      canonical.set(ID, id);
    }
    List<String> urns = new ArrayList<>(List.of(schema.core().id()));
    for (Map.Entry<String, JsonNode> field : copy.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equalsIgnoreCase(SCHEMAS) || key.equalsIgnoreCase(ID) || key.equalsIgnoreCase(META)) {
        continue;
      }
      if (JsonFields.isUrn(key) && value.isObject() && !key.equalsIgnoreCase(schema.core().id())) {
        if (value.isEmpty()) {
          continue;
        }
        String urn = schema.extension(key).map(Schema::id).orElse(key);
        canonical.set(urn, value);
        if (urns.stream().noneMatch(urn::equalsIgnoreCase)) {
          urns.add(urn);
          schemas.add(urn);
        }
      } else {
        canonical.set(key, value);
      }
    }
    JsonNode meta = JsonFields.get(copy, META);
    if (meta != null) {
      canonical.set(META, meta);
    }
    return canonical;
  }

  /**
   * Refuses a document missing a required attribute of the core schema, or of an extension it
   * holds (RFC 7643 §2.2 {@code required}); blank strings count as missing.
   *
   * @throws InvalidInputException 400 invalidValue naming the attribute
   */
  public static void requireRequiredAttributes(ObjectNode document, ResourceSchema schema) {
    requireRequired(document, schema.core());
    for (Schema extension : schema.extensions()) {
      JsonNode values = JsonFields.get(document, extension.id());
      if (values != null && values.isObject()) {
        requireRequired((ObjectNode) values, extension);
      }
    }
  }

  /** The top-level attributes of the core schema and the common ones: id, externalId, meta. */
  public static List<Attribute> coreAttributes(ResourceSchema schema) {
    List<Attribute> attributes = new ArrayList<>(schema.core().attributes().values());
    COMMON.forEach(name -> schema.coreAttribute(name)
        .filter(a -> !attributes.contains(a))
        .ifPresent(attributes::add));
    return attributes;
  }

  private static void requireRequired(ObjectNode values, Schema schema) {
    for (Attribute attribute : schema.attributes().values()) {
      if (attribute.required()
          && attribute.mutability() != Mutability.READ_ONLY
          && attribute.mutability() != Mutability.WRITE_ONLY
          && AttributeValues.isBlank(JsonFields.get(values, attribute.name()))) {
        throw new InvalidInputException(ScimType.invalidValue, "Attribute '" + attribute.name() + "' is required");
      }
    }
  }

  private static ObjectNode attributesOf(JsonNode body, ResourceSchema schema) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException(ScimType.invalidSyntax, "The request body must be a JSON object");
    }
    requireCoreSchema((ObjectNode) body, schema);
    ObjectNode document = ScimJson.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String key = field.getKey();
      if (key.equalsIgnoreCase(SCHEMAS)) {
        continue;
      }
      if (JsonFields.isUrn(key)) {
        putUrnField(document, key, field.getValue(), schema);
      } else {
        schema.coreAttribute(key).ifPresent(attribute -> put(document, attribute, field.getValue()));
      }
    }
    return document;
  }

  private static void requireCoreSchema(ObjectNode body, ResourceSchema schema) {
    JsonNode schemas = JsonFields.get(body, SCHEMAS);
    if (schemas != null && schemas.isArray()) {
      for (JsonNode urn : schemas) {
        if (urn.isTextual() && urn.textValue().equalsIgnoreCase(schema.core().id())) {
          return;
        }
      }
    }
    throw new InvalidInputException(ScimType.invalidSyntax, "'schemas' must list " + schema.core().id());
  }

  /**
   * A URN-keyed member of a body: a known extension's object, attributes of the core schema under
   * its URN, a URN-qualified attribute ({@code urn:...:User:department}), or a custom extension.
   */
  private static void putUrnField(ObjectNode document, String key, JsonNode value, ResourceSchema schema) {
    if (AttributeValues.isAbsent(value)) {
      return;
    }
    Optional<Schema> extension = schema.extension(key);
    if (extension.isPresent()) {
      if (!value.isObject()) {
        throw new InvalidInputException(ScimType.invalidValue, "Extension '" + extension.get().id() + "' must be a JSON object");
      }
      ObjectNode values = extensionObject(document, extension.get());
      value.properties().forEach(field -> extension.get().attribute(field.getKey())
          .ifPresent(attribute -> put(values, attribute, field.getValue())));
      return;
    }
    if (key.equalsIgnoreCase(schema.core().id())) {
      if (value.isObject()) {
        value.properties().forEach(field -> schema.coreAttribute(field.getKey())
            .ifPresent(attribute -> put(document, attribute, field.getValue())));
      }
      return;
    }
    int colon = key.lastIndexOf(':');
    String urn = key.substring(0, colon);
    String name = key.substring(colon + 1);
    if (urn.equalsIgnoreCase(schema.core().id())) {
      schema.coreAttribute(name).ifPresent(attribute -> put(document, attribute, value));
    } else if (schema.extension(urn).isPresent()) {
      Schema known = schema.extension(urn).get();
      known.attribute(name).ifPresent(attribute -> put(extensionObject(document, known), attribute, value));
    } else if (value.isObject()) {
      JsonFields.put(document, key, value.deepCopy());
    }
    // Otherwise neither an extension nor an attribute of a known schema: dropped, like any
    // attribute the schemas do not define.
  }

  private static ObjectNode extensionObject(ObjectNode document, Schema extension) {
    JsonNode existing = JsonFields.get(document, extension.id());
    if (existing != null && existing.isObject()) {
      return (ObjectNode) existing;
    }
    ObjectNode values = ScimJson.MAPPER.createObjectNode();
    JsonFields.put(document, extension.id(), values);
    return values;
  }

  private static void put(ObjectNode values, Attribute attribute, JsonNode value) {
    if (attribute.mutability() == Mutability.READ_ONLY) {
      return;
    }
    JsonNode normalized = AttributeValues.normalize(attribute, value, attribute.name());
    if (normalized == null || attribute.mutability() == Mutability.WRITE_ONLY) {
      JsonFields.remove(values, attribute.name());
    } else {
      JsonFields.put(values, attribute.name(), normalized);
    }
  }

  /** PUT: read-only values stay the server's; immutable values that exist may not change. */
  private static void keepServerOwned(ObjectNode existing, ObjectNode next, Attribute attribute) {
    JsonNode old = JsonFields.get(existing, attribute.name());
    if (attribute.mutability() == Mutability.READ_ONLY) {
      if (AttributeValues.isAbsent(old)) {
        next.remove(attribute.name());
      } else {
        next.set(attribute.name(), old.deepCopy());
      }
      return;
    }
    if (AttributeValues.isAbsent(old)) {
      return;
    }
    JsonNode current = next.get(attribute.name());
    if (attribute.mutability() == Mutability.IMMUTABLE) {
      if (current == null) {
        next.set(attribute.name(), old.deepCopy());
      } else if (!current.equals(old)) {
        throw immutable(attribute.name());
      }
      return;
    }
    if (attribute.isComplex() && !attribute.multiValued() && old.isObject()) {
      ObjectNode target = current != null && current.isObject() ? (ObjectNode) current : ScimJson.MAPPER.createObjectNode();
      for (Attribute sub : attribute.subAttributes().values()) {
        if (sub.mutability() != Mutability.IMMUTABLE) {
          continue;
        }
        JsonNode oldSub = JsonFields.get((ObjectNode) old, sub.name());
        JsonNode newSub = target.get(sub.name());
        if (AttributeValues.isAbsent(oldSub)) {
          continue;
        }
        if (newSub == null) {
          target.set(sub.name(), oldSub.deepCopy());
        } else if (!newSub.equals(oldSub)) {
          throw immutable(attribute.name() + "." + sub.name());
        }
      }
      if (!target.isEmpty()) {
        next.set(attribute.name(), target);
      }
    }
  }

  static InvalidInputException immutable(String name) {
    return new InvalidInputException(ScimType.mutability, "Attribute '" + name + "' is immutable and already has a value");
  }
}
