package dev.scimlambda.appusers;

import java.util.Optional;

/**
 * Reads of the access side of app users. Writes go with the SCIM user write they belong to (see
 * {@link AccountChange}), so a person, their email claim and their seat change atomically.
 */
public interface AccountStore {

  /** The app user holding an email (normalised), read strongly. */
  Optional<String> idByEmail(String workspaceId, String emailKey);

  Optional<Account> find(String workspaceId, String id);

  SeatUsage seats(String workspaceId);

  /**
   * Writes an account change of its own (no SCIM user involved: an SSO registration). Throws
   * {@link SeatsExhausted} when it needs a seat and none is left, {@link ConcurrentAppUserChange}
   * when the email was claimed or the account changed meanwhile.
   */
  void apply(AccountChange change);

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
  boolean claimReconciliation(String workspaceId, java.time.Instant now, java.time.Instant notBefore);

  /**
   * Sets the ledger to {@code counted} if its version is still the one in {@code seen}, that is if
   * no seat transaction committed since {@code seen} was read; records the drift found
   * ({@code seen.used() - counted}). False when the version moved: nothing is written.
   */
  boolean repairSeats(String workspaceId, SeatUsage seen, long counted, java.time.Instant now);

  /**
   * Seats in use and the limit (null = unlimited), and what the last reconciliation found.
   *
   * @param lastDrift ledger minus holders at the last repair; 0 when it agreed
   * @param version how many times {@code used} has moved (every seat transaction and repair adds
   *     one; 0 for a ledger written before versions existed)
   */
  record SeatUsage(long used, Integer limit, java.time.Instant lastReconciledAt, long lastDrift, long version) {

    public SeatUsage(long used, Integer limit) {
      this(used, limit, null, 0, 0);
    }
  }
}
