package dev.scimlambda.appusers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The workspace's seats: one per active app user, never more than the limit. Taking a seat is an
 * action of the same transaction as the activation (condition {@code used < limit} on the ledger),
 * so concurrent activations can never exceed it; lowering the limit below use blocks new seats
 * and suspends nobody.
 */
public final class SeatLedger {

  /** How often a workspace's ledger is checked against its seat holders, at most. */
  static final Duration RECONCILIATION_INTERVAL = Duration.ofMinutes(15);

  private final AccountStore store;
  private final Clock clock;

  public SeatLedger(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Checks the ledger against the app users that hold a seat and repairs it, unless a check ran in
   * the last {@link #RECONCILIATION_INTERVAL}. Seat changes are transactional, so drift means
   * something wrote around them (a manual edit, a restore, a bug): it is repaired and reported.
   * The ledger is read before counting and repaired only if unchanged, so a seat taken meanwhile
   * is never lost.
   */
  public Optional<Drift> reconcileIfDue(String workspaceId) {
    Instant now = clock.instant();
    if (!store.claimReconciliation(workspaceId, now, now.minus(RECONCILIATION_INTERVAL))) {
      return Optional.empty();
    }
    return reconcile(workspaceId);
  }

  public Optional<Drift> reconcile(String workspaceId) {
    long ledger = store.seats(workspaceId).used();
    long holders = store.countSeatHolders(workspaceId);
    if (!store.repairSeats(workspaceId, ledger, holders, clock.instant()) || ledger == holders) {
      return Optional.empty();
    }
    return Optional.of(new Drift(ledger, holders));
  }

  /** The ledger said {@code ledger} seats were in use; {@code holders} app users held one. */
  public record Drift(long ledger, long holders) {}

  public AccountStore.SeatUsage usage(String workspaceId) {
    return store.seats(workspaceId);
  }

  /** The sentence IdPs show their admin when a create or reactivation is refused. */
  public String exhaustedMessage(String workspaceId) {
    AccountStore.SeatUsage seats = usage(workspaceId);
    return "No seats left: " + seats.used() + " of " + seats.limit()
        + " seats are in use. Deactivate a user or raise the workspace's seat limit.";
  }
}
