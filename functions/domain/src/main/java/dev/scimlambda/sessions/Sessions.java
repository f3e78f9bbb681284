package dev.scimlambda.sessions;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.dedup.LoginEmail;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import dev.scimlambda.workspace.WorkspaceChanges;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The host app asks here whether a session it issued may still be used. Every answer is read
 * strongly from the account the SCIM request itself wrote, so a deactivation is effective on the
 * very next check, not at the next sync.
 */
public final class Sessions {

  private final Workspaces workspaces;
  private final AccountStore accounts;
  private final Clock clock;

  public Sessions(Workspaces workspaces, AccountStore accounts, Clock clock) {
    this.workspaces = workspaces;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Exactly one of {@code userId} and {@code email} identifies the person. */
  public SessionCheck check(String workspaceId, String userId, String email, Instant issuedAt) {
    Workspace workspace = workspaces.get(workspaceId);
    if ((userId == null) == (email == null)) {
      throw new InvalidInputException("userId", "give exactly one of userId and email");
    }
    if (issuedAt == null) {
      throw new InvalidInputException("issuedAt", "issuedAt is required");
    }
    Optional<Account> found = userId != null
        ? accounts.find(workspaceId, userId)
        : accounts.idByEmail(workspaceId, LoginEmail.key(email)).flatMap(id -> accounts.find(workspaceId, id));
    if (found.isEmpty()) {
      return SessionCheck.invalid("unknown_user");
    }
    Account account = found.get();
    IdentitySettings settings = workspace.identitySettings();
    String denial = account.denial();
    if (denial != null) {
      return SessionCheck.invalid(denial);
    }
    if (settings.sessionsValidAfter() != null && issuedAt.isBefore(settings.sessionsValidAfter())) {
      return SessionCheck.invalid("reauthentication_required");
    }
    if (settings.revokeSessionsOnDeprovision() && account.deprovisionedAt() != null
        && issuedAt.isBefore(account.deprovisionedAt())) {
      return SessionCheck.invalid("deprovisioned_since_issued");
    }
    if (!issuedAt.plus(settings.sessionDuration()).isAfter(clock.instant())) {
      return SessionCheck.invalid("expired");
    }
    return SessionCheck.ok();
  }

  /** Forces everyone to sign in again: sessions issued before now are refused. */
  public Workspace revokeAll(String workspaceId) {
    return workspaces.change(workspaceId, WorkspaceChanges.onlyForceReauthentication());
  }
}
