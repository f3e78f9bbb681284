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

  /** A person with no identity, email, seat or access yet: what a first change starts from. */
  public static Builder newPerson(String workspaceId, String id) {
    return new Builder(new Account(workspaceId, id, null, null, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
        false, false, false, null, 0));
  }

  /** This account with some of its values changed; the rest are kept. */
  public Builder change() {
    return new Builder(this);
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

  /** Changes an account by name, so no caller lines up twelve positional values. */
  public static final class Builder {
    private final String workspaceId;
    private final String id;
    private String email;
    private String emailKey;
    private SortedSet<String> identities;
    private SortedSet<String> activeIdentities;
    private SortedSet<String> deniedIdentities;
    private boolean sso;
    private boolean scimManaged;
    private boolean seat;
    private Instant deprovisionedAt;
    private long accessVersion;

    private Builder(Account from) {
      workspaceId = from.workspaceId;
      id = from.id;
      email = from.email;
      emailKey = from.emailKey;
      identities = from.identities;
      activeIdentities = from.activeIdentities;
      deniedIdentities = from.deniedIdentities;
      sso = from.sso;
      scimManaged = from.scimManaged;
      seat = from.seat;
      deprovisionedAt = from.deprovisionedAt;
      accessVersion = from.accessVersion;
    }

    /** The login email and its dedup key ({@link dev.scimlambda.dedup.LoginEmail}). */
    public Builder email(String email, String emailKey) {
      this.email = email;
      this.emailKey = emailKey;
      return this;
    }

    public Builder identities(SortedSet<String> identities, SortedSet<String> active, SortedSet<String> denied) {
      this.identities = identities;
      this.activeIdentities = active;
      this.deniedIdentities = denied;
      return this;
    }

    public Builder deniedIdentities(SortedSet<String> denied) {
      this.deniedIdentities = denied;
      return this;
    }

    public Builder sso(boolean sso) {
      this.sso = sso;
      return this;
    }

    public Builder scimManaged(boolean scimManaged) {
      this.scimManaged = scimManaged;
      return this;
    }

    public Builder seat(boolean seat) {
      this.seat = seat;
      return this;
    }

    public Builder deprovisionedAt(Instant deprovisionedAt) {
      this.deprovisionedAt = deprovisionedAt;
      return this;
    }

    /** Every access change is conditioned on the version it read, and writes the next one. */
    public Builder nextAccessVersion() {
      this.accessVersion++;
      return this;
    }

    public Account build() {
      return new Account(workspaceId, id, email, emailKey, identities, activeIdentities, deniedIdentities, sso,
          scimManaged, seat, deprovisionedAt, accessVersion);
    }
  }
}
