package dev.scimlambda.scim.discovery;

import java.util.Map;

/**
 * A resource type this server serves (RFC 7643 §6).
 *
 * @param schemaExtensions extension schema URN to whether it is required
 */
public record ResourceType(
    String id, String name, String description, String endpoint, String schema, Map<String, Boolean> schemaExtensions) {}
