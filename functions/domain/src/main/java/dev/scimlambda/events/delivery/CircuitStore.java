package dev.scimlambda.events.delivery;

import java.time.Instant;

/** Where each workspace endpoint's circuit is kept, shared by every consumer of the delivery queue. */
public interface CircuitStore {

  CircuitState find(String workspaceId);

  /** Counts one more consecutive failure and returns the state with it. */
  CircuitState recordFailure(String workspaceId);

  /** Opens (or reopens) the circuit until {@code until}; {@code openings} is the new count. */
  void open(String workspaceId, Instant until, int openings);

  /**
   * Claims the one probe a half-open circuit lets through: succeeds for exactly one caller while
   * no other claim made before {@code now} holds until after it.
   *
   * @param claimUntil when an unfinished probe's claim lapses (its consumer died), letting another
   */
  boolean claimProbe(String workspaceId, Instant now, Instant claimUntil);

  /** A success: forget failures and openings. */
  void close(String workspaceId);
}
