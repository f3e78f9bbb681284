package dev.scimlambda.stream;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Re-applies parked stream records through the same projections, each with the projection that
 * could not apply it, and removes those applied. Projections re-derive from the table as it is now,
 * so a redrive (or two, or a record parked twice) ends in the same state.
 */
public final class StreamRedrive {

  private final ChangeProcessor processor;
  private final ParkedRecords parked;
  private final Function<Map<String, AttributeValue>, Optional<Map<String, AttributeValue>>> currentItem;

  /**
   * @param currentItem reads an item as it is now, by its keys: what a trimmed record (one whose
   *     images were too large to keep) is re-applied with
   */
  public StreamRedrive(ChangeProcessor processor, ParkedRecords parked,
      Function<Map<String, AttributeValue>, Optional<Map<String, AttributeValue>>> currentItem) {
    this.processor = processor;
    this.parked = parked;
    this.currentItem = currentItem;
  }

  public RedriveReport run(BooleanSupplier timeLeft) {
    Tally tally = new Tally();
    parked.redrive(new ParkedRecords.Redrive() {
      @Override
      public boolean reapply(ParkedRecord record) {
        boolean applied = processor.reapply(change(record), record.projection()).isEmpty();
        tally.count(record.projection(), applied);
        return applied;
      }

      @Override
      public void unreadable() {
        tally.unreadable++;
      }
    }, timeLeft);
    return new RedriveReport(tally.applied, tally.stillFailing, tally.unreadable, tally.byProjection);
  }

  /**
   * A trimmed record is applied as the item is now when it still exists, else with the small
   * attributes it kept (enough to name whose state to re-derive).
   */
  private ChangeRecord change(ParkedRecord record) {
    ChangeRecord change = record.change();
    if (!record.imagesTrimmed() || record.keys().isEmpty()) {
      return change;
    }
    return currentItem.apply(record.keys())
        .map(now -> new ChangeRecord("MODIFY", change.sequenceNumber(), change.oldImage(), now, change.recordedAt()))
        .orElse(change);
  }

  private static final class Tally {
    int applied;
    int stillFailing;
    int unreadable;
    final Map<String, RedriveReport.Outcome> byProjection = new TreeMap<>();

    void count(String projection, boolean applied) {
      if (applied) {
        this.applied++;
      } else {
        this.stillFailing++;
      }
      RedriveReport.Outcome before = byProjection.getOrDefault(projection, new RedriveReport.Outcome(0, 0));
      byProjection.put(projection, applied
          ? new RedriveReport.Outcome(before.applied() + 1, before.stillFailing())
          : new RedriveReport.Outcome(before.applied(), before.stillFailing() + 1));
    }
  }
}
