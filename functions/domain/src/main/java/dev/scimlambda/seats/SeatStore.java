package dev.scimlambda.seats;

import java.time.Instant;

/**
 * The seat ledger's reads and repairs (the workspace's {@code SEATS} item and the app users holding
 * a seat). Taking and freeing seats is not here: it is an action of the account write that needs it.
 */
public interface SeatStore {

  SeatUsage seats(String workspaceId);

  /**
   * How many app users hold a seat, counted from the app users themselves (O(app users) reads,
   * strongly consistent, every page). Pages are read one after the other, so the count is exact
   * only if no seat moved while it ran; {@link SeatLedger#reconcile} checks that with the ledger's
   * version.
   */
  long countSeatHolders(String workspaceId);

  /**
   * Claims the right to reconcile the ledger now: false when another reconciliation ran after
   * {@code notBefore}. Keeps the O(app users) count from running on every seat change.
   */
  boolean claimReconciliation(String workspaceId, Instant now, Instant notBefore);

  /**
   * Sets the ledger to {@code counted} if its version is still the one in {@code seen}, that is if
   * no seat transaction committed since {@code seen} was read; records the drift found
   * ({@code seen.used() - counted}). False when the version moved: nothing is written.
   */
  boolean repairSeats(String workspaceId, SeatUsage seen, long counted, Instant now);
}
