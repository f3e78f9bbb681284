package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/**
 * A provisioned user as stored: its SCIM document (without {@code meta}, which is derived) and the
 * values the store indexes, normalised the way lookups key them.
 *
 * @param userNameKey userName trimmed and lower-cased: userName is unique case-insensitively
 * @param emailKeys every email value, trimmed and lower-cased
 * @param version bumped by every write; the ETag is {@code W/"<version>"}
 */
public record ScimUser(
    String connectionId,
    String id,
    ObjectNode document,
    String userNameKey,
    String externalId,
    Set<String> emailKeys,
    boolean active,
    Instant created,
    Instant lastModified,
    long version) {}
