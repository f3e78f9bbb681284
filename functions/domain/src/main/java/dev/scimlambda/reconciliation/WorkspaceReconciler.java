package dev.scimlambda.reconciliation;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.appusers.ProvisionedUser;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.reconciliation.ReconciliationCursor.Step;
import dev.scimlambda.reconciliation.ReconciliationReport.Change;
import dev.scimlambda.reconciliation.ReconciliationReport.Kind;
import dev.scimlambda.reconciliation.ReconciliationReport.LedgerRepair;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.tags.AppUserRefresh;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Repairs a workspace's derived state — app users' tags, profiles, access and seats, and the seat
 * ledger — from its source items, the SCIM users and groups. The stream handler keeps derived state
 * up to date record by record; this is the safety net for what it never saw or could not apply (a
 * record lost after its retries, a manual edit, a restore).
 *
 * <p>It re-derives every app user with the stream's own code ({@link AppUserRefresh}), so both agree
 * on what is right, and like it writes only a difference, conditional on the versions it read: a
 * page can be run again, or run while SCIM requests arrive, without harm. Three steps, paged
 * (see {@link ReconciliationCursor}): every SCIM user of each connection re-derives its app user;
 * every app user whose account lists an identity whose SCIM user is gone loses the link (and the
 * app user, if nothing is left); the seat ledger is set to the number of seat holders
 * ({@link SeatLedger#reconcile}, conditional on the ledger's version: no seat moved meanwhile).
 */
public final class WorkspaceReconciler {

  /** Items per page: a page of re-derivations stays well inside any caller's time budget. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private final Workspaces workspaces;
  private final ConnectionStore connections;
  private final UserStore users;
  private final AppUserStore appUsers;
  private final Accounts accounts;
  private final AccountStore accountStore;
  private final AppUserRefresh refresh;
  private final SeatLedger seats;
  private final Clock clock;
  private final int pageSize;

  public WorkspaceReconciler(Workspaces workspaces, ConnectionStore connections, UserStore users,
      AppUserStore appUsers, Accounts accounts, AccountStore accountStore, AppUserRefresh refresh, SeatLedger seats,
      Clock clock, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive");
    }
    this.workspaces = workspaces;
    this.connections = connections;
    this.users = users;
    this.appUsers = appUsers;
    this.accounts = accounts;
    this.accountStore = accountStore;
    this.refresh = refresh;
    this.seats = seats;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Runs pages from {@code from} until the workspace is done or {@code deadline} has passed (one
   * page at least, so every call makes progress).
   *
   * @throws dev.scimlambda.problem.NotFoundException when the workspace does not exist
   */
  public Reconciliation reconcile(String workspaceId, ReconciliationCursor from, Instant deadline) {
    workspaces.get(workspaceId);
    ReconciliationReport report = ReconciliationReport.EMPTY;
    ReconciliationCursor cursor = from;
    do {
      Reconciliation page = page(workspaceId, cursor);
      report = report.plus(page.report());
      cursor = page.next();
    } while (cursor != null && clock.instant().isBefore(deadline));
    return new Reconciliation(workspaceId, report, cursor);
  }

  /** One page of {@code cursor}'s step. */
  public Reconciliation page(String workspaceId, ReconciliationCursor cursor) {
    return switch (cursor.step()) {
      case SCIM_USERS -> scimUsers(workspaceId, cursor);
      case APP_USERS -> appUsers(workspaceId, cursor);
      case SEAT_LEDGER -> seatLedger(workspaceId);
    };
  }

  private Reconciliation scimUsers(String workspaceId, ReconciliationCursor cursor) {
    // Connections are never removed (a deleted one keeps its item), so the order is stable.
    List<String> ids = connections.listByWorkspace(workspaceId).stream().map(Connection::id)
        .sorted(Comparator.naturalOrder()).toList();
    Optional<String> current = ids.stream()
        .filter(id -> cursor.connectionId() == null || id.compareTo(cursor.connectionId()) >= 0).findFirst();
    if (current.isEmpty()) {
      return new Reconciliation(workspaceId, ReconciliationReport.EMPTY, new ReconciliationCursor(Step.APP_USERS, null, null));
    }
    String connectionId = current.get();
    String after = connectionId.equals(cursor.connectionId()) ? cursor.after() : null;
    UserStore.UserPage page = users.page(connectionId, after, pageSize);
    Tally tally = new Tally();
    AppUserRefresh.Session session = refresh.session();
    for (ScimUser user : page.users()) {
      tally.scimUsersChecked++;
      try {
        if (tally.add(user.appUserIdOrOwn(),
            session.refresh(workspaceId, user.appUserIdOrOwn(), connectionId, user.id(), List.of()))) {
          tally.appUsersRepaired++;
        }
      } catch (ConcurrentAppUserChange e) {
        // Someone keeps changing this person right now: their own stream records re-derive them.
      }
    }
    ReconciliationCursor next;
    if (page.lastId() != null) {
      next = new ReconciliationCursor(Step.SCIM_USERS, connectionId, page.lastId());
    } else {
      int at = ids.indexOf(connectionId);
      next = at + 1 < ids.size()
          ? new ReconciliationCursor(Step.SCIM_USERS, ids.get(at + 1), null)
          : new ReconciliationCursor(Step.APP_USERS, null, null);
    }
    return new Reconciliation(workspaceId, tally.report(), next);
  }

  private Reconciliation appUsers(String workspaceId, ReconciliationCursor cursor) {
    AppUserStore.AppUserPage page = appUsers.page(workspaceId, cursor.after(), pageSize);
    Tally tally = new Tally();
    AppUserRefresh.Session session = refresh.session();
    for (AppUser appUser : page.users()) {
      tally.appUsersChecked++;
      Account account = appUser.account();
      if (account == null) {
        // Stored before accounts: one SCIM user with the app user's id, re-derived in the first step.
        continue;
      }
      try {
        boolean repaired = removeLinksWithoutSource(workspaceId, account, tally);
        // A person with SCIM identities was re-derived from them in the first step; the others
        // (SSO-only, or just unlinked) are re-derived here.
        if (repaired || account.identities().isEmpty()) {
          repaired |= tally.add(appUser.id(), session.refreshAppUser(workspaceId, appUser.id()));
        }
        if (repaired) {
          tally.appUsersRepaired++;
        }
      } catch (ConcurrentAppUserChange e) {
        // Changed while we looked: the change's own stream record re-derives the person.
      }
    }
    ReconciliationCursor next = page.lastId() != null
        ? new ReconciliationCursor(Step.APP_USERS, null, page.lastId())
        : new ReconciliationCursor(Step.SEAT_LEDGER, null, null);
    return new Reconciliation(workspaceId, tally.report(), next);
  }

  /**
   * Removes from the account every identity whose SCIM user no longer exists — what the SCIM
   * delete's own transaction would have done — freeing the seat if it gave the only access.
   */
  private boolean removeLinksWithoutSource(String workspaceId, Account account, Tally tally) {
    boolean unlinked = false;
    for (String identity : account.identities()) {
      String connectionId = Account.connectionOf(identity);
      String userId = Account.userOf(identity);
      if (users.find(connectionId, userId).isPresent()) {
        continue;
      }
      AccountChange change = accounts.forDelete(workspaceId, new ProvisionedUser(connectionId, userId, null, false, account.id()));
      if (change == null || change.before() == null || !change.before().identities().contains(identity)) {
        continue;
      }
      accountStore.apply(change);
      unlinked = true;
      tally.identityLinksRemoved++;
      tally.change(Kind.IDENTITY_LINK_REMOVED, account.id(), identity);
      tally.access(account.id(), change.before().hasAccess(), change.after().hasAccess(), change.before().seat(),
          change.after().seat());
    }
    return unlinked;
  }

  private Reconciliation seatLedger(String workspaceId) {
    ReconciliationReport report = seats.reconcile(workspaceId)
        .map(drift -> new ReconciliationReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            new LedgerRepair(drift.ledger(), drift.holders()), List.of(), 0))
        .orElse(ReconciliationReport.EMPTY);
    return new Reconciliation(workspaceId, report, null);
  }

  /**
   * What a run did and where to go on.
   *
   * @param next where to resume; null when the workspace is done
   */
  public record Reconciliation(String workspaceId, ReconciliationReport report, ReconciliationCursor next) {

    public boolean finished() {
      return next == null;
    }
  }

  /** A page's counts as it goes. */
  private static final class Tally {
    long scimUsersChecked;
    long appUsersChecked;
    long appUsersRepaired;
    long tagsAdded;
    long tagsRemoved;
    long profilesUpdated;
    long accessGranted;
    long accessRevoked;
    long seatsTaken;
    long seatsFreed;
    long identityLinksRemoved;
    long appUsersRemoved;
    final List<Change> changes = new ArrayList<>();
    long changesNotListed;

    /** Counts what a refresh wrote; false when it wrote nothing. */
    boolean add(String appUserId, AppUserRefresh.Outcome outcome) {
      if (!outcome.changed()) {
        return false;
      }
      if (outcome.deleted()) {
        appUsersRemoved++;
        change(Kind.APP_USER_REMOVED, appUserId, null);
      }
      outcome.tagsAdded().forEach(tag -> change(Kind.TAG_ADDED, appUserId, tag));
      outcome.tagsRemoved().forEach(tag -> change(Kind.TAG_REMOVED, appUserId, tag));
      tagsAdded += outcome.tagsAdded().size();
      tagsRemoved += outcome.tagsRemoved().size();
      if (outcome.profileChanged()) {
        profilesUpdated++;
        change(Kind.PROFILE_UPDATED, appUserId, null);
      }
      if (outcome.access() != null) {
        var update = outcome.access();
        access(appUserId, update.hadAccess(), update.hasAccess(), update.hadSeat(), update.hasSeat());
      }
      return true;
    }

    void access(String appUserId, boolean hadAccess, boolean hasAccess, boolean hadSeat, boolean hasSeat) {
      if (!hadAccess && hasAccess) {
        accessGranted++;
        change(Kind.ACCESS_GRANTED, appUserId, null);
      } else if (hadAccess && !hasAccess) {
        accessRevoked++;
        change(Kind.ACCESS_REVOKED, appUserId, null);
      }
      if (!hadSeat && hasSeat) {
        seatsTaken++;
        change(Kind.SEAT_TAKEN, appUserId, null);
      } else if (hadSeat && !hasSeat) {
        seatsFreed++;
        change(Kind.SEAT_FREED, appUserId, null);
      }
    }

    void change(Kind kind, String appUserId, String detail) {
      if (changes.size() < ReconciliationReport.LISTED_CHANGES) {
        changes.add(new Change(kind, appUserId, detail));
      } else {
        changesNotListed++;
      }
    }

    ReconciliationReport report() {
      return new ReconciliationReport(scimUsersChecked, appUsersChecked, appUsersRepaired, tagsAdded, tagsRemoved,
          profilesUpdated, accessGranted, accessRevoked, seatsTaken, seatsFreed, identityLinksRemoved, appUsersRemoved,
          null, changes, changesNotListed);
    }
  }
}
