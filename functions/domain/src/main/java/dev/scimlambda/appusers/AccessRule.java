package dev.scimlambda.appusers;

/**
 * The one rule that decides whether a person with several identities may use the app. Every access
 * and seat decision (SCIM writes, SSO registration, group access, reconciliation, session checks)
 * asks {@link Account}, which asks here.
 *
 * <ol>
 *   <li>Once an IdP has provisioned a person, the SCIM connections that manage them are
 *       authoritative: the person has access while <em>every</em> linked SCIM identity is active.
 *       A deactivation by any managing connection revokes access until that connection reactivates
 *       them (or deletes them, which unlinks the identity); another connection sharing the email
 *       cannot keep a leaver in.
 *   <li>Of those active identities, one that no access group list denies is enough: one
 *       connection's access groups do not take away what another connection grants.
 *   <li>An SSO registration never grants access to a person an IdP manages, nor to one whose every
 *       SCIM identity was removed: signing up again does not undo an IdP's deprovisioning.
 *   <li>A person with only SSO identities (never provisioned) has access through the registration.
 * </ol>
 */
public final class AccessRule {

  private AccessRule() {}

  /** Not deactivated: no managing connection has them inactive (rule 1), or SSO-only and registered. */
  public static boolean active(Account account) {
    if (!account.scimManaged()) {
      return account.sso();
    }
    return !account.identities().isEmpty() && account.activeIdentities().containsAll(account.identities());
  }

  /** May use the app (and so holds, or waits for, a seat). */
  public static boolean hasAccess(Account account) {
    if (!account.scimManaged()) {
      return account.sso();
    }
    return active(account)
        && account.activeIdentities().stream().anyMatch(identity -> !account.deniedIdentities().contains(identity));
  }
}
