package dev.scimlambda.scim.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.listing.ResourceListing;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The discovery endpoints of RFC 7644 §4 for one connection: ServiceProviderConfig, ResourceTypes
 * and Schemas, with {@code meta.location} under that connection's base URL.
 */
public final class Discovery {

  private static final String PROTOCOL_SPEC = "https://www.rfc-editor.org/rfc/rfc6750";

  /** The discovery schemas themselves, loaded once: they are the same for every connection. */
  private static final List<Schema> DISCOVERY_SCHEMAS =
      List.of(Schema.load("ServiceProviderConfig"), Schema.load("ResourceType"), Schema.load("Schema"));

  /** Our cursors carry their position, so they never expire; RFC 9865 asks for a number, we give a day. */
  static final int CURSOR_TIMEOUT_SECONDS = 86_400;

  private final ScimCapabilities capabilities;
  private final List<ResourceSchema> resourceTypes;
  private final Map<String, ObjectNode> schemas;

  public Discovery(ScimCapabilities capabilities, List<ResourceSchema> resourceTypes) {
    this.capabilities = capabilities;
    this.resourceTypes = List.copyOf(resourceTypes);
    Map<String, ObjectNode> byId = new TreeMap<>();
    DISCOVERY_SCHEMAS.forEach(schema -> byId.put(schema.id(), schema.document()));
    resourceTypes.forEach(type -> {
      byId.put(type.core().id(), type.core().document());
      type.extensionsRequired().keySet().forEach(extension -> byId.put(extension.id(), extension.document()));
    });
    this.schemas = Map.copyOf(byId);
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
    // RFC 9865: both index and cursor pagination, with the page sizes the listing applies.
    config
        .putObject("pagination")
        .put("cursor", true)
        .put("index", true)
        .put("defaultPaginationMethod", "index")
        .put("defaultPageSize", ResourceListing.DEFAULT_COUNT)
        .put("maxPageSize", ResourceListing.MAX_COUNT)
        .put("cursorTimeout", CURSOR_TIMEOUT_SECONDS);
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
        .filter(t -> t.resourceType().equals(id))
        .findFirst()
        .map(t -> resourceType(t, baseUrl))
        .orElseThrow(() -> new NotFoundException("Resource type " + id + " not found"));
  }

  /** RFC 7644 §4: a ListResponse of every schema. */
  public ObjectNode schemas(String baseUrl) {
    return ScimJson.listResponse(schemas.keySet().stream().sorted().map(id -> schema(id, baseUrl)).toList());
  }

  public ObjectNode schema(String id, String baseUrl) {
    ObjectNode template = schemas.get(id);
    if (template == null) {
      throw new NotFoundException("Schema " + id + " not found");
    }
    ObjectNode schema = template.deepCopy();
    schema.set("meta", meta("Schema", baseUrl + "/Schemas/" + id));
    return schema;
  }

  private static ObjectNode resourceType(ResourceSchema type, String baseUrl) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
    node.put("id", type.resourceType());
    node.put("name", type.resourceType());
    node.put("description", type.description());
    node.put("endpoint", type.endpoint());
    node.put("schema", type.core().id());
    ArrayNode extensions = node.putArray("schemaExtensions");
    type.extensionsRequired()
        .forEach((schema, required) -> extensions.addObject().put("schema", schema.id()).put("required", required));
    node.set("meta", meta("ResourceType", baseUrl + "/ResourceTypes/" + type.resourceType()));
    return node;
  }

  private static ObjectNode meta(String resourceType, String location) {
    return ScimJson.MAPPER.createObjectNode().put("resourceType", resourceType).put("location", location);
  }
}
