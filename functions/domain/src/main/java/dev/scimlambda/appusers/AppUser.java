package dev.scimlambda.appusers;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A person of a workspace as the host app sees them: who they are, whether they may use the app,
 * and the tags that drive their access. Today every provisioned SCIM user is one app user with the
 * SCIM user's id; tags are kept here so the host app reads a user and their tags in one GetItem.
 *
 * @param version bumped by every write; tag changes are conditional on it
 */
public record AppUser(
    String workspaceId,
    String id,
    String connectionId,
    String scimUserId,
    String userName,
    String displayName,
    String email,
    boolean active,
    SortedSet<String> tags,
    long version) {

  public AppUser {
    tags = new TreeSet<>(tags);
  }

  /** The same person with another profile and tag set, as the next version would store them. */
  public boolean sameContent(AppUser other) {
    return other != null
        && java.util.Objects.equals(connectionId, other.connectionId)
        && java.util.Objects.equals(scimUserId, other.scimUserId)
        && java.util.Objects.equals(userName, other.userName)
        && java.util.Objects.equals(displayName, other.displayName)
        && java.util.Objects.equals(email, other.email)
        && active == other.active
        && tags.equals(other.tags);
  }
}
