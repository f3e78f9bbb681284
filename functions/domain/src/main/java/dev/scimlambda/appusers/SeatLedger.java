package dev.scimlambda.appusers;

import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspace's seats: one per active app user, never more than the limit. Taking a seat is an
 * action of the same transaction as the activation (condition {@code used < limit} on the ledger),
 * so concurrent activations can never exceed it; lowering the limit below use blocks new seats
 * and suspends nobody.
 */
public final class SeatLedger {

  /** How often a workspace's ledger is checked against its seat holders, at most, by default. */
  public static final Duration DEFAULT_RECONCILIATION_INTERVAL = Duration.ofMinutes(15);

  private final AccountStore store;
  private final Clock clock;
  private final Duration interval;
  private final OperationalMetrics metrics;
  /**
   * When this process last tried each workspace: a burst of seat changes (an IdP's initial sync)
   * then costs one conditional write per interval, not one per change.
   */
  private final Map<String, Instant> lastTried = new ConcurrentHashMap<>();

  public SeatLedger(AccountStore store, Clock clock, Duration interval) {
    this(store, clock, interval, OperationalMetrics.NONE);
  }

  public SeatLedger(AccountStore store, Clock clock, Duration interval, OperationalMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.interval = interval;
    this.metrics = metrics;
  }

  /**
   * Checks the ledger against the app users that hold a seat and repairs it, unless a check ran in
   * the last interval. Seat changes are transactional, so drift means
   * something wrote around them (a manual edit, a restore, a bug): it is repaired and reported.
   * The ledger is read before counting and repaired only if unchanged, so a seat taken meanwhile
   * is never lost.
   */
  public Optional<Drift> reconcileIfDue(String workspaceId) {
    Instant now = clock.instant();
    Instant notBefore = now.minus(interval);
    Instant tried = lastTried.get(workspaceId);
    if (tried != null && tried.isAfter(notBefore)) {
      return Optional.empty();
    }
    lastTried.put(workspaceId, now);
    if (!store.claimReconciliation(workspaceId, now, notBefore)) {
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

  /**
   * Counts a create, reactivation or registration refused for want of a seat and returns the sentence
   * IdPs show their admin. Every refusal passes here, so operators see the refusals IdPs see.
   */
  public String refuse(String workspaceId) {
    metrics.increment(OperationalMetric.SEAT_REFUSALS);
    AccountStore.SeatUsage seats = usage(workspaceId);
    return "No seats left: " + seats.used() + " of " + seats.limit()
        + " seats are in use. Deactivate a user or raise the workspace's seat limit.";
  }
}
