package dev.scimlambda.scim.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.AttributeType;
import dev.scimlambda.scim.schema.Mutability;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.Returned;
import dev.scimlambda.scim.schema.Schema;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Example resources and schemas for the query specifications. */
final class Fixtures {

  static final ResourceSchema USER = ScimSchemas.user();
  static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;
  static final String CORE = ScimSchemas.USER;
  static final String BJENSEN_ID = "2819c223-7f76-453a-919d-413861904646";

  /** A resource type whose schema has the types User lacks: numbers, request-only and caseExact strings. */
  static final ResourceSchema DEVICE = device();

  private Fixtures() {}

  /**
   * Barbara Jensen as in RFC 7643 §8.3: the full User representation of §8.2 with the enterprise
   * extension (her certificate shortened). A fresh copy each time.
   */
  static ObjectNode bjensen() {
    try (InputStream in = Fixtures.class.getResourceAsStream("bjensen.json")) {
      return (ObjectNode) ScimJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode json(String json) {
    try {
      return (ObjectNode) ScimJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses with {@link ScimFilters}; tests pass only filters that parse. */
  static Filter filter(String filter) {
    return ScimFilters.parse(filter);
  }

  static boolean matches(String filter, ObjectNode resource) {
    return FilterEvaluator.matches(filter(filter), resource, USER);
  }

  static boolean bjensenMatches(String filter) {
    return matches(filter, bjensen());
  }

  private static ResourceSchema device() {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    put(attributes, simple("serial", AttributeType.STRING, true, Returned.DEFAULT));
    put(attributes, simple("seats", AttributeType.INTEGER, false, Returned.DEFAULT));
    put(attributes, simple("weight", AttributeType.DECIMAL, false, Returned.DEFAULT));
    put(attributes, simple("enabled", AttributeType.BOOLEAN, false, Returned.DEFAULT));
    put(attributes, simple("installed", AttributeType.DATE_TIME, false, Returned.DEFAULT));
    put(attributes, simple("firmware", AttributeType.BINARY, true, Returned.DEFAULT));
    put(attributes, simple("diagnostics", AttributeType.STRING, false, Returned.REQUEST));
    Map<String, Attribute> portParts = new LinkedHashMap<>();
    put(portParts, simple("value", AttributeType.INTEGER, false, Returned.DEFAULT));
    put(portParts, simple("label", AttributeType.STRING, false, Returned.DEFAULT));
    put(portParts, simple("secret", AttributeType.STRING, false, Returned.NEVER));
    put(portParts, simple("trace", AttributeType.STRING, false, Returned.REQUEST));
    put(portParts, simple("primary", AttributeType.BOOLEAN, false, Returned.DEFAULT));
    put(attributes, new Attribute("ports", AttributeType.COMPLEX, true, false, false, Mutability.READ_WRITE,
        Returned.DEFAULT, "none", Map.copyOf(portParts)));
    Schema schema = new Schema("urn:example:scim:schemas:Device", Map.copyOf(attributes), ScimJson.MAPPER.createObjectNode());
    return new ResourceSchema("Device", "A device", "/Devices", schema, Map.of());
  }

  private static Attribute simple(String name, AttributeType type, boolean caseExact, Returned returned) {
    return new Attribute(name, type, false, false, caseExact, Mutability.READ_WRITE, returned, "none", Map.of());
  }

  private static void put(Map<String, Attribute> into, Attribute attribute) {
    into.put(attribute.name().toLowerCase(Locale.ROOT), attribute);
  }
}
