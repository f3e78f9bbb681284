package dev.scimlambda.appusers;

/**
 * The workspace's seats: one per active app user, never more than the limit. Taking a seat is an
 * action of the same transaction as the activation (condition {@code used < limit} on the ledger),
 * so concurrent activations can never exceed it; lowering the limit below use blocks new seats
 * and suspends nobody.
 */
public final class SeatLedger {

  private final AccountStore store;

  public SeatLedger(AccountStore store) {
    this.store = store;
  }

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
