package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A provisioned group as stored: its SCIM document without {@code members} (each membership is an
 * item of its own) and without {@code meta}, plus the values the store indexes.
 *
 * @param displayNameKey displayName trimmed and lower-cased: unique case-insensitively per connection
 * @param memberCount how many members the group had after its last write
 * @param version bumped by every write, member changes included; the ETag is {@code W/"<version>"}
 */
public record ScimGroup(
    String connectionId,
    String id,
    ObjectNode document,
    String displayNameKey,
    String externalId,
    long memberCount,
    Instant created,
    Instant lastModified,
    long version) {

  public String displayName() {
    return document.path("displayName").asText(null);
  }
}
