package dev.scimlambda.deprovisioning;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.Retries;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.scim.users.Users;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Taking people out for good, where no IdP will do it any more: deleting a connection (whose
 * secret is revoked, so its IdP can no longer deactivate anyone) and removing one person.
 *
 * <p>A SCIM user is removed exactly as the IdP's own {@code DELETE /Users/{id}} would remove it
 * ({@link Users#delete}): its identity is unlinked from the person, their group memberships go, and
 * in the same transaction the person loses access and their seat if no other identity keeps them
 * in ({@link dev.scimlambda.appusers.AccessRule}); sessions issued before then check invalid.
 */
public final class Deprovisioning {

  private static final int ATTEMPTS = 5;

  private final Workspaces workspaces;
  private final Connections connections;
  private final UserStore users;
  private final Users scimUsers;
  private final AppUserStore appUsers;
  private final AccountStore accountStore;
  private final Accounts accounts;
  private final Clock clock;
  private final Duration budget;
  private final int pageSize;

  public Deprovisioning(Workspaces workspaces, Connections connections, UserStore users, Users scimUsers,
      AppUserStore appUsers, AccountStore accountStore, Accounts accounts, Clock clock, Duration budget, int pageSize) {
    this.workspaces = workspaces;
    this.connections = connections;
    this.users = users;
    this.scimUsers = scimUsers;
    this.appUsers = appUsers;
    this.accountStore = accountStore;
    this.accounts = accounts;
    this.clock = clock;
    this.budget = budget;
    this.pageSize = pageSize;
  }

  /**
   * Revokes the connection's secret at once, then, with {@code deprovision}, removes its SCIM users
   * page by page until none is left or the call's time budget is spent. Removed users vanish from
   * the connection, so calling again simply goes on where the last call stopped.
   */
  public ConnectionRemoval deleteConnection(String workspaceId, String connectionId, boolean deprovision) {
    connections.delete(workspaceId, connectionId);
    if (!deprovision) {
      return new ConnectionRemoval(0, true);
    }
    Instant deadline = clock.instant().plus(budget);
    long removed = 0;
    do {
      UserStore.UserPage page = users.page(connectionId, null, pageSize);
      for (ScimUser user : page.users()) {
        removeScimUser(connectionId, user.id());
        removed++;
      }
      if (page.users().isEmpty() || page.lastId() == null) {
        return new ConnectionRemoval(removed, true);
      }
    } while (clock.instant().isBefore(deadline));
    return new ConnectionRemoval(removed, false);
  }

  /**
   * Removes a person: each SCIM user linked to them (as its IdP's DELETE would), then their SSO
   * registration, email, seat and the app user with its tags.
   *
   * @throws NotFoundException when the workspace or the person does not exist
   */
  public void removePerson(String workspaceId, String appUserId) {
    workspaces.get(workspaceId);
    AppUser found = appUsers.find(workspaceId, appUserId)
        .orElseThrow(() -> new NotFoundException("no such user in this workspace"));
    if (found.account() != null) {
      found.account().identities()
          .forEach(identity -> removeScimUser(Account.connectionOf(identity), Account.userOf(identity)));
    }
    Retries.untilWon(ATTEMPTS, ConcurrentAppUserChange.class::isInstance, attempt -> {
      Account account = accountStore.find(workspaceId, appUserId).orElse(null);
      if (account != null && account.accessVersion() > 0) {
        accountStore.apply(accounts.forRemoval(account));
      }
      appUsers.find(workspaceId, appUserId).ifPresent(appUsers::delete);
      return null;
    }, lost -> new ConflictException("this person is being changed concurrently; retry"));
  }

  private void removeScimUser(String connectionId, String userId) {
    try {
      scimUsers.delete(connectionId, userId, null);
    } catch (NotFoundException gone) {
      // Already removed: what this call wanted.
    }
  }

  /**
   * @param usersRemoved SCIM users removed by this call
   * @param finished false when the time budget ran out first: call again to go on
   */
  public record ConnectionRemoval(long usersRemoved, boolean finished) {}
}
