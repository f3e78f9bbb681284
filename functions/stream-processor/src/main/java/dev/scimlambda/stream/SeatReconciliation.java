package dev.scimlambda.stream;

import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.persistence.ItemChanges.AppUserChanged;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a person's seat changes, checks the workspace's seat ledger against the people holding a
 * seat (at most every quarter of an hour per workspace) and repairs drift, reporting it in the log
 * and on the ledger ({@code lastDrift}, shown by the admin API).
 */
public final class SeatReconciliation implements Projection {

  private static final Logger LOG = LoggerFactory.getLogger(SeatReconciliation.class);

  private final SeatLedger seats;

  public SeatReconciliation(SeatLedger seats) {
    this.seats = seats;
  }

  @Override
  public void apply(ChangeRecord change) {
    if (!(change.change() instanceof AppUserChanged person) || Objects.equals(person.seatBefore(), person.seatAfter())) {
      return;
    }
    String workspaceId = person.workspaceId();
    seats.reconcileIfDue(workspaceId).ifPresent(drift ->
        LOG.warn("seat ledger of workspace {} drifted: it said {} seats in use, {} people hold one; repaired",
            workspaceId, drift.ledger(), drift.holders()));
  }
}
