package dev.scimlambda.mapping;

import java.time.Instant;

/**
 * A field a workspace adds to its app users' profiles, filled from a SCIM attribute by a
 * connection's mapping.
 *
 * @param key how mappings and the API name it; unique per workspace, never a standard field's key
 * @param label what an admin console shows, and the default tag prefix when users are grouped by it
 */
public record CustomField(String workspaceId, String key, String label, FieldType type, Instant createdAt) {}
