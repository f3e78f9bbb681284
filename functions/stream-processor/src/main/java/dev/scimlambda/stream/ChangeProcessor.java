package dev.scimlambda.stream;

import java.util.List;
import java.util.Optional;

/** Runs every projection over a batch and reports the first record any of them could not apply. */
public final class ChangeProcessor {

  private final List<Projection> projections;

  public ChangeProcessor(List<Projection> projections) {
    this.projections = List.copyOf(projections);
  }

  /**
   * The sequence number of the first record that failed, if any. Lambda redelivers the batch from
   * there, to every projection, so the records after it are applied again: projections are
   * idempotent, and no record of a key overtakes an earlier failed one.
   */
  public Optional<String> process(List<ChangeRecord> batch) {
    int firstFailure = batch.size();
    for (Projection projection : projections) {
      firstFailure = Math.min(firstFailure, projection.applyAll(batch));
    }
    return firstFailure == batch.size() ? Optional.empty() : Optional.of(batch.get(firstFailure).sequenceNumber());
  }
}
