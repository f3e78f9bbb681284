package dev.scimlambda.appusers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A SCIM user as account planning sees it.
 *
 * @param appUserId the app user it is linked to; null for users stored before links existed
 */
public record ProvisionedUser(String connectionId, String id, JsonNode document, boolean active, String appUserId) {

  public String appUserIdOrOwn() {
    return appUserId == null ? id : appUserId;
  }
}
