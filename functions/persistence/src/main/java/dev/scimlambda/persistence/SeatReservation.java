package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.persistence.Transactions.UpdateSpec;
import dev.scimlambda.persistence.Transactions.Write;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where seats are enforced: the seat ledger's action in an account write's transaction. Taking a
 * seat adds one to {@code used} on condition that it stays within {@code seatLimit}, so concurrent
 * activations can never exceed the limit; its failed condition is {@code SeatsExhausted} (see
 * {@link Transactions#run}), not a conflict. Freeing one is unconditional. Both add one to the
 * ledger's {@code version}, which {@code seats.SeatLedger} reconciles against.
 */
final class SeatReservation {

  /** Marks the seat ledger's action: its failed condition means no seat is left, not a conflict. */
  static final String GUARD = "seat ledger";

  /**
   * The seat ledger's change counter: every transaction that moves {@code used} adds one, so the
   * reconciler can tell that no seat moved between its read and its repair (see {@code SeatLedger}).
   */
  static final String LEDGER_VERSION = "version";

  private SeatReservation() {}

  /** Takes a seat: {@code used < limit}, or no limit, or a first seat under a positive limit. */
  static Write take(Transactions tx, String workspaceId) {
    return tx.update(new UpdateSpec(ledgerKey(workspaceId), "ADD #used :one, #version :one",
        "attribute_not_exists(#limit) OR (attribute_not_exists(#used) AND #limit > :zero) OR #used < #limit",
        Map.of("#used", "used", "#limit", "seatLimit", "#version", LEDGER_VERSION),
        Map.of(":one", Item.n(1), ":zero", Item.n(0))),
        GUARD);
  }

  /** Frees a seat. */
  static Write free(Transactions tx, String workspaceId) {
    return tx.update(new UpdateSpec(ledgerKey(workspaceId), "ADD #used :minus, #version :one", null,
        Map.of("#used", "used", "#version", LEDGER_VERSION), Map.of(":minus", Item.n(-1), ":one", Item.n(1))), null);
  }

  /** The workspace's ledger item, which also holds its {@code seatLimit}. */
  static Map<String, AttributeValue> ledgerKey(String workspaceId) {
    return Map.of(PK, s(KeySchema.workspacePartition(workspaceId)), SK, s(KeySchema.SEATS_SK));
  }
}
