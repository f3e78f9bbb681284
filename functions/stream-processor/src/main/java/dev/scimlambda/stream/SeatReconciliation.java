package dev.scimlambda.stream;

import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.persistence.DynamoAppUserStore;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    if (!DynamoAppUserStore.ENTITY.equals(change.entity()) || Objects.equals(seat(change.oldImage()), seat(change.newImage()))) {
      return;
    }
    Map<String, AttributeValue> image = change.newImage().isEmpty() ? change.oldImage() : change.newImage();
    String workspaceId = image.get("workspaceId").s();
    seats.reconcileIfDue(workspaceId).ifPresent(drift ->
        LOG.warn("seat ledger of workspace {} drifted: it said {} seats in use, {} people hold one; repaired",
            workspaceId, drift.ledger(), drift.holders()));
  }

  private static Boolean seat(Map<String, AttributeValue> image) {
    AttributeValue seat = image.get("seat");
    return seat == null ? null : seat.bool();
  }
}
