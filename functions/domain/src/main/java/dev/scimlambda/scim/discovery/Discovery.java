package dev.scimlambda.scim.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The discovery endpoints of RFC 7644 §4 for one connection: ServiceProviderConfig, ResourceTypes
 * and Schemas, with {@code meta.location} under that connection's base URL.
 */
public final class Discovery {

  private static final String SCHEMA_FOLDER = "/dev/scimlambda/scim/schemas/";
  private static final String PROTOCOL_SPEC = "https://www.rfc-editor.org/rfc/rfc6750";

  /** The schemas this server describes, loaded once: they are the same for every connection. */
  private static final Map<String, ObjectNode> SCHEMAS = loadSchemas("ServiceProviderConfig", "ResourceType", "Schema");

  private final ScimCapabilities capabilities;
  private final List<ResourceType> resourceTypes;

  public Discovery(ScimCapabilities capabilities, List<ResourceType> resourceTypes) {
    this.capabilities = capabilities;
    this.resourceTypes = List.copyOf(resourceTypes);
  }

  /** RFC 7643 §5. */
  public ObjectNode serviceProviderConfig(String baseUrl) {
    ObjectNode config = ScimJson.MAPPER.createObjectNode();
    config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    config.putObject("patch").put("supported", capabilities.patch());
    config
        .putObject("bulk")
        .put("supported", capabilities.bulk())
        .put("maxOperations", capabilities.bulkMaxOperations())
        .put("maxPayloadSize", capabilities.maxPayloadSize());
    config.putObject("filter").put("supported", capabilities.filter()).put("maxResults", capabilities.filterMaxResults());
    config.putObject("changePassword").put("supported", capabilities.changePassword());
    config.putObject("sort").put("supported", capabilities.sort());
    config.putObject("etag").put("supported", capabilities.etag());
    ArrayNode schemes = config.putArray("authenticationSchemes");
    schemes
        .addObject()
        .put("type", "oauthbearertoken")
        .put("name", "OAuth Bearer Token")
        .put("description", "The connection's secret, sent as 'Authorization: Bearer <secret>'.")
        .put("specUri", PROTOCOL_SPEC)
        .put("primary", true);
    config.set("meta", meta("ServiceProviderConfig", baseUrl + "/ServiceProviderConfig"));
    return config;
  }

  /** RFC 7644 §4: a ListResponse of every resource type. */
  public ObjectNode resourceTypes(String baseUrl) {
    return ScimJson.listResponse(resourceTypes.stream().map(t -> resourceType(t, baseUrl)).toList());
  }

  public ObjectNode resourceType(String id, String baseUrl) {
    return resourceTypes.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .map(t -> resourceType(t, baseUrl))
        .orElseThrow(() -> ScimException.notFound("Resource type " + id + " not found"));
  }

  /** RFC 7644 §4: a ListResponse of every schema. */
  public ObjectNode schemas(String baseUrl) {
    return ScimJson.listResponse(schemaIds().map(id -> schema(id, baseUrl)).toList());
  }

  public ObjectNode schema(String id, String baseUrl) {
    ObjectNode template = SCHEMAS.get(id);
    if (template == null) {
      throw ScimException.notFound("Schema " + id + " not found");
    }
    ObjectNode schema = template.deepCopy();
    schema.set("meta", meta("Schema", baseUrl + "/Schemas/" + id));
    return schema;
  }

  private Stream<String> schemaIds() {
    return SCHEMAS.keySet().stream().sorted();
  }

  private static ObjectNode resourceType(ResourceType type, String baseUrl) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
    node.put("id", type.id());
    node.put("name", type.name());
    node.put("description", type.description());
    node.put("endpoint", type.endpoint());
    node.put("schema", type.schema());
    ArrayNode extensions = node.putArray("schemaExtensions");
    type.schemaExtensions()
        .forEach((schema, required) -> extensions.addObject().put("schema", schema).put("required", required));
    node.set("meta", meta("ResourceType", baseUrl + "/ResourceTypes/" + type.id()));
    return node;
  }

  private static ObjectNode meta(String resourceType, String location) {
    return ScimJson.MAPPER.createObjectNode().put("resourceType", resourceType).put("location", location);
  }

  private static Map<String, ObjectNode> loadSchemas(String... files) {
    return Stream.of(files)
        .map(Discovery::readSchema)
        .collect(java.util.stream.Collectors.toUnmodifiableMap(s -> s.get("id").asText(), s -> s));
  }

  private static ObjectNode readSchema(String file) {
    try (InputStream in = Discovery.class.getResourceAsStream(SCHEMA_FOLDER + file + ".json")) {
      ObjectNode schema = (ObjectNode) ScimJson.MAPPER.readTree(in);
      schema.remove("meta");
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }
}
