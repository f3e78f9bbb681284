package dev.scimlambda.appusers;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A person of a workspace as the host app sees them: who they are, the tags that drive their
 * access, and their account (email, linked SCIM identities, access, seat). The profile and tags are
 * derived by the stream handler; the account is written with the SCIM requests themselves.
 *
 * @param version bumped by every profile or tag write, which is conditional on it
 * @param account null only for app users stored before accounts existed
 * @param profile the fields the connection's attribute mapping derives; empty for an SSO-only person
 */
public record AppUser(
    String workspaceId,
    String id,
    String userName,
    String displayName,
    SortedSet<String> tags,
    long version,
    Account account,
    AppUserProfile profile) {

  public AppUser {
    tags = new TreeSet<>(tags);
    profile = profile == null ? AppUserProfile.EMPTY : profile;
  }

  /** Whether {@code other} has the same derived profile and tags (the account is not derived). */
  public boolean sameDerived(AppUser other) {
    return other != null
        && Objects.equals(userName, other.userName)
        && Objects.equals(displayName, other.displayName)
        && tags.equals(other.tags)
        && profile.equals(other.profile);
  }

  public AppUser withDerived(String newUserName, String newDisplayName, AppUserProfile newProfile,
      SortedSet<String> newTags) {
    return new AppUser(workspaceId, id, newUserName, newDisplayName, newTags, version, account, newProfile);
  }
}
