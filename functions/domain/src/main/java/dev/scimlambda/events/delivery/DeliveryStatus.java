package dev.scimlambda.events.delivery;

/** Where a delivery stands; the admin API shows it in lower case. */
public enum DeliveryStatus {
  /** Recorded, not attempted yet (a circuit kept it back). */
  PENDING,
  /** Attempted without success; another attempt is scheduled. */
  RETRYING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Out of attempts: the event went to the dead-letter queue; an admin may redeliver it. */
  FAILED,
  /** No enabled webhook to deliver to when it was attempted. */
  DROPPED;

  /** Whether an attempt now starts a new series (a redelivery) rather than continuing one. */
  public boolean settled() {
    return this == DELIVERED || this == FAILED || this == DROPPED;
  }
}
