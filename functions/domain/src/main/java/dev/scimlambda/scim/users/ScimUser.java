package dev.scimlambda.scim.users;

import dev.scimlambda.appusers.ProvisionedUser;
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
 * @param appUserId the app user (person of the workspace) this SCIM user is linked to; null for
 *     users stored before app users existed, whose app user has the SCIM user's id
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
    long version,
    String appUserId) {

  public ScimUser(String connectionId, String id, ObjectNode document, String userNameKey, String externalId,
      Set<String> emailKeys, boolean active, Instant created, Instant lastModified, long version) {
    this(connectionId, id, document, userNameKey, externalId, emailKeys, active, created, lastModified, version, null);
  }

  public ScimUser withAppUserId(String linkedTo) {
    return new ScimUser(connectionId, id, document, userNameKey, externalId, emailKeys, active, created, lastModified,
        version, linkedTo);
  }

  /** The app user's id, also for users stored before links were recorded. */
  public String appUserIdOrOwn() {
    return appUserId == null ? id : appUserId;
  }

  public ProvisionedUser provisioned() {
    return new ProvisionedUser(connectionId, id, document, active, appUserId);
  }
}
