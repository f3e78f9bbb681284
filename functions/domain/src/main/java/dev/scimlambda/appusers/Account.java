package dev.scimlambda.appusers;

import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The access side of an app user, written in the same transaction as the SCIM user it comes from:
 * which SCIM identities it is (dedup by email), whether it may use the app, and its seat.
 *
 * @param identities SCIM users linked to this person, as {@code connectionId/userId}
 * @param activeIdentities the linked SCIM users that are active
 * @param deniedIdentities the linked SCIM users whose connection lists access groups and who are in
 *     none of them (directly or through nesting); they give the person no access
 * @param sso registered by the host app after an SSO sign-in
 * @param scimManaged once an IdP provisions the person, the IdPs decide ({@link AccessRule}),
 *     whatever the SSO registration says
 * @param seat holds one of the workspace's seats
 * @param deprovisionedAt when the person last lost access; sessions issued before are invalid
 * @param accessVersion condition of every access change; tag writes use the app user's own version
 */
public record Account(
    String workspaceId,
    String id,
    String email,
    String emailKey,
    SortedSet<String> identities,
    SortedSet<String> activeIdentities,
    SortedSet<String> deniedIdentities,
    boolean sso,
    boolean scimManaged,
    boolean seat,
    Instant deprovisionedAt,
    long accessVersion) {

  public Account {
    identities = new TreeSet<>(identities);
    activeIdentities = new TreeSet<>(activeIdentities);
    deniedIdentities = new TreeSet<>(deniedIdentities);
  }

  /** No managing connection has the person deactivated ({@link AccessRule}). */
  public boolean active() {
    return AccessRule.active(this);
  }

  /** May use the app, as {@link AccessRule} decides for a person with several identities. */
  public boolean hasAccess() {
    return AccessRule.hasAccess(this);
  }

  /**
   * Why the person may not use the app now, null when they may: {@code deleted}, {@code deactivated},
   * {@code no_group_access} (in none of the access groups), {@code no_seat} (access granted, but every
   * seat was taken when it was).
   */
  public String denial() {
    if (orphaned()) {
      return "deleted";
    }
    if (!active()) {
      return "deactivated";
    }
    if (!hasAccess()) {
      return "no_group_access";
    }
    return seat ? null : "no_seat";
  }

  /** Nothing left that makes this a person of the workspace: the stream handler deletes it. */
  public boolean orphaned() {
    return identities.isEmpty() && !sso;
  }

  public static String identity(String connectionId, String userId) {
    return connectionId + "/" + userId;
  }

  public static String connectionOf(String identity) {
    return identity.substring(0, identity.indexOf('/'));
  }

  public static String userOf(String identity) {
    return identity.substring(identity.indexOf('/') + 1);
  }
}
