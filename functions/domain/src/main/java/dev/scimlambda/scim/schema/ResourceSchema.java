package dev.scimlambda.scim.schema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas of one resource type: its core schema, its extensions, and the common attributes
 * every resource has (RFC 7643 §3.1). Attribute names and extension URNs resolve
 * case-insensitively; an unknown extension is not an error here, because connections may send
 * custom extensions we keep as they are.
 */
public final class ResourceSchema {

  /** RFC 7643 §3.1: id, externalId and meta, with their characteristics. */
  private static final Map<String, Attribute> COMMON = common();

  private final String resourceType;
  private final String description;
  private final String endpoint;
  private final Schema core;
  private final Map<String, Schema> extensions;
  private final Map<Schema, Boolean> extensionsRequired;

  /** @param extensionsRequired each extension schema and whether a resource must carry it */
  public ResourceSchema(
      String resourceType, String description, String endpoint, Schema core, Map<Schema, Boolean> extensionsRequired) {
    this.resourceType = resourceType;
    this.description = description;
    this.endpoint = endpoint;
    this.core = core;
    this.extensionsRequired = Map.copyOf(extensionsRequired);
    Map<String, Schema> byUrn = new LinkedHashMap<>();
    extensionsRequired.keySet().forEach(schema -> byUrn.put(schema.id().toLowerCase(Locale.ROOT), schema));
    this.extensions = Map.copyOf(byUrn);
  }

  public String resourceType() {
    return resourceType;
  }

  public String description() {
    return description;
  }

  public String endpoint() {
    return endpoint;
  }

  /** Extension schemas and whether each is required, as ResourceTypes advertises them. */
  public Map<Schema, Boolean> extensionsRequired() {
    return extensionsRequired;
  }

  public Schema core() {
    return core;
  }

  public Iterable<Schema> extensions() {
    return extensions.values();
  }

  public Optional<Schema> extension(String urn) {
    return Optional.ofNullable(extensions.get(urn.toLowerCase(Locale.ROOT)));
  }

  /** A top-level attribute of the core schema or a common attribute. */
  public Optional<Attribute> coreAttribute(String name) {
    return core.attribute(name).or(() -> Optional.ofNullable(COMMON.get(name.toLowerCase(Locale.ROOT))));
  }

  /**
   * The definition of {@code attribute[.subAttribute]} in the schema {@code urn} (the core schema
   * when null); empty when the schema or attribute is unknown.
   */
  public Optional<Attribute> resolve(String urn, String attribute, String subAttribute) {
    Optional<Attribute> top =
        urn == null || urn.equalsIgnoreCase(core.id())
            ? coreAttribute(attribute)
            : extension(urn).flatMap(schema -> schema.attribute(attribute));
    return subAttribute == null ? top : top.flatMap(a -> a.subAttribute(subAttribute));
  }

  private static Map<String, Attribute> common() {
    Map<String, Attribute> meta = new LinkedHashMap<>();
    for (String name : new String[] {"resourceType", "location", "version"}) {
      meta.put(name.toLowerCase(Locale.ROOT), readOnlyString(name, true));
    }
    meta.put("created", readOnly("created", AttributeType.DATE_TIME));
    meta.put("lastmodified", readOnly("lastModified", AttributeType.DATE_TIME));
    return Map.of(
        "id", new Attribute("id", AttributeType.STRING, false, false, true, Mutability.READ_ONLY, Returned.ALWAYS, "server", Map.of()),
        "externalid",
        new Attribute("externalId", AttributeType.STRING, false, false, true, Mutability.READ_WRITE, Returned.DEFAULT, "none", Map.of()),
        "meta",
        new Attribute("meta", AttributeType.COMPLEX, false, false, false, Mutability.READ_ONLY, Returned.DEFAULT, "none", Map.copyOf(meta)));
  }

  private static Attribute readOnlyString(String name, boolean caseExact) {
    return new Attribute(name, AttributeType.STRING, false, false, caseExact, Mutability.READ_ONLY, Returned.DEFAULT, "none", Map.of());
  }

  private static Attribute readOnly(String name, AttributeType type) {
    return new Attribute(name, type, false, false, false, Mutability.READ_ONLY, Returned.DEFAULT, "none", Map.of());
  }
}
