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
 * @param sso registered by the host app after an SSO sign-in
 * @param scimManaged once an IdP provisions the person, the IdP decides: active only while one of
 *     its identities is active, whatever the SSO registration says
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
    boolean sso,
    boolean scimManaged,
    boolean seat,
    Instant deprovisionedAt,
    long accessVersion) {

  public Account {
    identities = new TreeSet<>(identities);
    activeIdentities = new TreeSet<>(activeIdentities);
  }

  public boolean active() {
    return scimManaged ? !activeIdentities.isEmpty() : sso;
  }

  /** Nothing left that makes this a person of the workspace: the stream handler deletes it. */
  public boolean orphaned() {
    return identities.isEmpty() && !sso;
  }

  public static String identity(String connectionId, String userId) {
    return connectionId + "/" + userId;
  }
}
