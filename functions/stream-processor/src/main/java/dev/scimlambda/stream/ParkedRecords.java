package dev.scimlambda.stream;

import java.util.function.BooleanSupplier;

/**
 * Where stream records a projection could not apply are kept until a redrive applies them: an SQS
 * queue in AWS ({@link SqsParkedRecords}), a JSON-lines file in the embedded stack
 * ({@link FileParkedRecords}). docs/operations.md is the operator's side of it.
 */
public interface ParkedRecords {

  /** Keeps the record; throws when it could not, so the stream retries the record instead of losing it. */
  void park(ParkedRecord record);

  /**
   * Offers every parked record to {@code redrive} once, while {@code timeLeft} allows, and removes
   * each one it applied. Records it could not apply, or not reach in time, stay parked.
   */
  void redrive(Redrive redrive, BooleanSupplier timeLeft);

  /** What a redrive does with each parked record. */
  interface Redrive {
    /** True when the record was applied and can go. */
    boolean reapply(ParkedRecord record);

    /** A stored entry that is not a parked record; it is kept for an operator to look at. */
    void unreadable();
  }
}
