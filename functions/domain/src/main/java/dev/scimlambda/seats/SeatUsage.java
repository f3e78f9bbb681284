package dev.scimlambda.seats;

import java.time.Instant;

/**
 * Seats in use and the limit (null = unlimited), and what the last reconciliation found.
 *
 * @param lastDrift ledger minus holders at the last repair; 0 when it agreed
 * @param version how many times {@code used} has moved (every seat transaction and repair adds
 *     one; 0 for a ledger written before versions existed)
 */
public record SeatUsage(long used, Integer limit, Instant lastReconciledAt, long lastDrift, long version) {

  public SeatUsage(long used, Integer limit) {
    this(used, limit, null, 0, 0);
  }
}
