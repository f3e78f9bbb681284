package dev.scimlambda.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.dialects.EntraBooleanStrings;
import dev.scimlambda.scim.dialects.EntraSingleValueReferences;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.Mutability;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type checks and normalisation of attribute values against their definitions (RFC 7643 §2.3),
 * shared by POST, PUT and PATCH. A normalised value uses the schema's casing for sub-attribute
 * names, drops sub-attributes the schema does not define and read-only ones the server owns,
 * and reads {@code "True"}/{@code "False"} strings as booleans ({@link EntraBooleanStrings}).
 * Null stands for an unassigned value: RFC 7643 §2.5 makes null and an empty array equivalent
 * to no value at all.
 */
public final class AttributeValues {

  public static final String PRIMARY = "primary";
  public static final String VALUE = "value";

  private AttributeValues() {}

  /** The normalised value of {@code attribute}; null when unassigned. */
  public static JsonNode normalize(Attribute attribute, JsonNode value, String name) {
    if (!attribute.multiValued()) {
      return single(attribute, value, name);
    }
    List<JsonNode> values = values(attribute, value, name);
    if (values.isEmpty()) {
      return null;
    }
    ArrayNode array = ScimJson.MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /**
   * The values of a multi-valued attribute: an array, or a single value standing for an array of
   * one. Unassigned values and exact duplicates are dropped; at most one value may be primary.
   */
  public static List<JsonNode> values(Attribute attribute, JsonNode value, String name) {
    List<JsonNode> values = new ArrayList<>();
    if (isAbsent(value)) {
      return values;
    }
    Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
    if (value.isArray() && value.size() > ResourceLimits.MAX_VALUES && !attribute.name().equals("members")) {
      throw invalid("'" + name + "' has more than " + ResourceLimits.MAX_VALUES + " values, the most this service stores");
    }
    // A set, not List.contains: duplicates are dropped in linear time however many values come.
    java.util.Set<JsonNode> seen = new java.util.HashSet<>();
    for (JsonNode item : items) {
      JsonNode normalized = single(attribute, item, name);
      if (normalized != null && seen.add(normalized)) {
        values.add(normalized);
      }
    }
    if (values.stream().filter(AttributeValues::isPrimary).count() > 1) {
      throw invalid("At most one value of '" + name + "' may be primary");
    }
    return values;
  }

  /** One value: the whole value of a single-valued attribute, one element of a multi-valued one. */
  public static JsonNode single(Attribute attribute, JsonNode value, String name) {
    if (isAbsent(value)) {
      return null;
    }
    return switch (attribute.type()) {
      case STRING, REFERENCE -> require(value.isTextual(), value, name, "a string");
      case BINARY -> require(value.isTextual() && isBase64(value.textValue()), value, name, "base64-encoded binary");
      case BOOLEAN -> bool(value, name);
      case INTEGER -> require(value.isIntegralNumber(), value, name, "an integer");
      case DECIMAL -> require(value.isNumber(), value, name, "a number");
      case DATE_TIME -> require(value.isTextual() && isDateTime(value.textValue()), value, name, "an xsd:dateTime");
      case COMPLEX -> complex(attribute, value, name);
    };
  }

  /** Whether a value of a multi-valued attribute is marked {@code "primary": true}. */
  public static boolean isPrimary(JsonNode value) {
    return value != null && value.isObject() && value.path(PRIMARY).isBoolean() && value.path(PRIMARY).booleanValue();
  }

  /** Null, JSON null and a missing node all mean "no value". */
  public static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  /** Whether a normalised value counts as unassigned for a required attribute: absent, blank, empty. */
  public static boolean isBlank(JsonNode value) {
    return isAbsent(value)
        || (value.isTextual() && value.textValue().isBlank())
        || (value.isContainerNode() && value.isEmpty());
  }

  /**
   * The JSON object given for a complex attribute, before its sub-attributes are checked. A
   * single-valued complex attribute with a {@code value} sub-attribute may also be sent as that
   * bare value, or as an array of exactly one object ({@link EntraSingleValueReferences}).
   *
   * @throws InvalidInputException 400 invalidValue when it is none of these
   */
  public static ObjectNode complexObject(Attribute attribute, JsonNode value, String name) {
    boolean referenceLike = !attribute.multiValued() && attribute.subAttribute(VALUE).isPresent();
    ObjectNode meant = EntraSingleValueReferences.asObject(referenceLike, value);
    if (meant != null) {
      return meant;
    }
    if (!value.isObject()) {
      throw invalid("Attribute '" + name + "' must be a complex value (a JSON object)");
    }
    return (ObjectNode) value;
  }

  private static ObjectNode complex(Attribute attribute, JsonNode value, String name) {
    ObjectNode object = complexObject(attribute, value, name);
    ObjectNode normalized = ScimJson.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      Optional<Attribute> sub = attribute.subAttribute(field.getKey());
      if (sub.isEmpty() || sub.get().mutability() == Mutability.READ_ONLY) {
        continue;
      }
      JsonNode subValue = normalize(sub.get(), field.getValue(), name + "." + sub.get().name());
      if (subValue == null) {
        normalized.remove(sub.get().name());
      } else {
        normalized.set(sub.get().name(), subValue);
      }
    }
    return normalized.isEmpty() ? null : normalized;
  }

  private static JsonNode bool(JsonNode value, String name) {
    JsonNode read = EntraBooleanStrings.read(value);
    if (read == null) {
      throw mustBe(name, "a boolean");
    }
    return read;
  }

  private static JsonNode require(boolean valid, JsonNode value, String name, String what) {
    if (!valid) {
      throw mustBe(name, what);
    }
    return value;
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text.replaceAll("\\s", ""));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    try {
      DateTimeFormatter.ISO_DATE_TIME.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static InvalidInputException mustBe(String name, String what) {
    return invalid("Attribute '" + name + "' must be " + what);
  }

  private static InvalidInputException invalid(String detail) {
    return new InvalidInputException(ScimType.invalidValue, detail);
  }
}
