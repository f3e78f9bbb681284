package dev.scimlambda.appusers;

import dev.scimlambda.dedup.LoginEmail;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.Retries;
import dev.scimlambda.random.SecureRandomIds;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.seats.SeatsExhausted;
import dev.scimlambda.workspace.Workspaces;
import java.util.List;

/** What the admin API reads about a workspace's people. */
public final class AppUsers {

  public static final int MAX_PAGE = 200;

  private static final int ATTEMPTS = 5;

  private final Workspaces workspaces;
  private final AppUserStore store;
  private final Accounts accounts;
  private final AccountStore accountStore;
  private final SeatLedger seats;

  public AppUsers(Workspaces workspaces, AppUserStore store, Accounts accounts, AccountStore accountStore,
      SeatLedger seats) {
    this.workspaces = workspaces;
    this.store = store;
    this.accounts = accounts;
    this.accountStore = accountStore;
    this.seats = seats;
  }

  /**
   * Registers a person who signed in through SSO. Returns the app user and whether it is new: an
   * email already held (provisioned by an IdP, or registered before) is the same person.
   */
  public Registration registerSso(String workspaceId, String email, String firstName, String lastName) {
    workspaces.get(workspaceId);
    String address = RegistrationEmail.valid(email);
    String name = ((firstName == null ? "" : firstName.trim()) + " " + (lastName == null ? "" : lastName.trim())).trim();
    return Retries.untilWon(ATTEMPTS, ConcurrentAppUserChange.class::isInstance, attempt -> {
      AccountChange change = accounts.forSsoRegistration(
          workspaceId, address, name.isEmpty() ? null : name, SecureRandomIds.lowercase(20));
      try {
        accountStore.apply(change);
      } catch (SeatsExhausted e) {
        throw seats.refusal(workspaceId);
      }
      AppUser user = store.find(workspaceId, change.appUserId()).orElseThrow();
      return new Registration(user, change.before() == null);
    }, lost -> Contention.concurrentWriters("This person"));
  }

  public record Registration(AppUser user, boolean created) {}

  public AppUser get(String workspaceId, String id) {
    workspaces.get(workspaceId);
    return store.find(workspaceId, id).orElseThrow(() -> new NotFoundException("no such user in this workspace"));
  }

  /** A page of the workspace's app users, or of those carrying {@code tag} when it is given. */
  public AppUserStore.AppUserPage list(String workspaceId, String tag, String after, int limit) {
    workspaces.get(workspaceId);
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE);
    }
    return tag == null ? store.page(workspaceId, after, limit) : store.withTag(workspaceId, tag, after, limit);
  }

  /**
   * The person holding {@code email} as login email (trimmed, case-insensitive), as a page of one
   * or none; with {@code tag}, only if they carry it. One read of the email claim, one of the person.
   */
  public AppUserStore.AppUserPage withEmail(String workspaceId, String email, String tag) {
    workspaces.get(workspaceId);
    if (email.isBlank()) {
      throw new InvalidInputException("email", "email must not be empty");
    }
    List<AppUser> found = accountStore.idByEmail(workspaceId, LoginEmail.key(email))
        .flatMap(id -> store.find(workspaceId, id))
        .filter(user -> tag == null || user.tags().contains(tag))
        .stream().toList();
    return new AppUserStore.AppUserPage(found, null);
  }
}
