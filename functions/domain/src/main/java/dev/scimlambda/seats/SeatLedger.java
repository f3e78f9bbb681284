package dev.scimlambda.seats;

import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import dev.scimlambda.problem.LimitReachedException;
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
 * and suspends nobody. Every seat transaction also adds one to the ledger's {@code version}, which
 * is what makes {@link #reconcile} exact while seats move.
 */
public final class SeatLedger {

  /** Reads and counts before a reconciliation gives up on a workspace whose seats keep moving. */
  static final int ATTEMPTS = 3;

  /** How often a workspace's ledger is checked against its seat holders, at most, by default. */
  public static final Duration DEFAULT_RECONCILIATION_INTERVAL = Duration.ofMinutes(15);

  private final SeatStore store;
  private final Clock clock;
  private final Duration interval;
  private final OperationalMetrics metrics;
  /**
   * When this process last tried each workspace: a burst of seat changes (an IdP's initial sync)
   * then costs one conditional write per interval, not one per change.
   */
  private final Map<String, Instant> lastTried = new ConcurrentHashMap<>();

  public SeatLedger(SeatStore store, Clock clock, Duration interval) {
    this(store, clock, interval, OperationalMetrics.NONE);
  }

  public SeatLedger(SeatStore store, Clock clock, Duration interval, OperationalMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.interval = interval;
    this.metrics = metrics;
  }

  /**
   * Checks the ledger against the app users that hold a seat and repairs it, unless a check ran in
   * the last interval. Seat changes are transactional, so drift means
   * something wrote around them (a manual edit, a restore, a bug): it is repaired and reported.
   * See {@link #reconcile} for why a seat moved meanwhile is never lost.
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

  /**
   * Sets the ledger to the number of seat holders, if it differs.
   *
   * <p>Why the count is right under concurrency. Every transaction that gives or takes a seat
   * changes the app user's {@code seat} and the ledger's {@code used} together, and adds one to the
   * ledger's {@code version}. The ledger (used and version) is read first, in one strong read; the
   * holders are counted after it; the repair is written only if the version is still the one read.
   * If it is, no seat transaction committed between the read and the repair, so the set of seat
   * holders did not change while the count's pages were read one after another, and the count is
   * the number of holders at the moment of the repair. Conditioning on {@code used} instead would
   * let a seat taken and another freed meanwhile (same {@code used}, different people, one of them
   * on a page already counted) write a count that is off by one.
   *
   * <p>If the version moved, nothing is written and the check starts again, up to {@link
   * #ATTEMPTS} times; a workspace whose seats move that often is left to the next run (the stream's
   * next seat change, or the daily reconciler): the ledger is then as the transactions left it,
   * never worse. What no version can see is a write around the transactions (a manual edit, a
   * restore) landing during a run: that is drift the next run finds.
   */
  public Optional<Drift> reconcile(String workspaceId) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      SeatUsage ledger = store.seats(workspaceId);
      long holders = store.countSeatHolders(workspaceId);
      if (store.repairSeats(workspaceId, ledger, holders, clock.instant())) {
        return ledger.used() == holders ? Optional.empty() : Optional.of(new Drift(ledger.used(), holders));
      }
    }
    return Optional.empty();
  }

  /** The ledger said {@code ledger} seats were in use; {@code holders} app users held one. */
  public record Drift(long ledger, long holders) {}

  public SeatUsage usage(String workspaceId) {
    return store.seats(workspaceId);
  }

  /**
   * Counts a create, reactivation or registration refused for want of a seat and returns the refusal
   * both APIs answer (403), with the sentence IdPs show their admin (RFC 7644 defines no scimType
   * for it; Okta and Entra display the detail). Every refusal passes here, so operators see the
   * refusals IdPs see.
   */
  public LimitReachedException refusal(String workspaceId) {
    metrics.increment(OperationalMetric.SEAT_REFUSALS);
    SeatUsage seats = usage(workspaceId);
    return new LimitReachedException("No seats left: " + seats.used() + " of " + seats.limit()
        + " seats are in use. Deactivate a user or raise the workspace's seat limit.");
  }
}
