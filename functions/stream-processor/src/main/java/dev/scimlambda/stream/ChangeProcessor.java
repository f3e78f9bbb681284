package dev.scimlambda.stream;

import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import java.util.List;
import java.util.Optional;

/** Runs every projection over a batch and reports the first record any of them could not apply. */
public final class ChangeProcessor {

  private final List<Projection> projections;
  private final OperationalMetrics metrics;

  public ChangeProcessor(List<Projection> projections) {
    this(projections, OperationalMetrics.NONE);
  }

  public ChangeProcessor(List<Projection> projections, OperationalMetrics metrics) {
    this.projections = List.copyOf(projections);
    this.metrics = metrics;
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
    count(batch, firstFailure);
    return firstFailure == batch.size() ? Optional.empty() : Optional.of(batch.get(firstFailure).sequenceNumber());
  }

  /**
   * Only the records before the failure count as processed, and toward the user metrics: the
   * failed one and those after it come again, and count when they are through.
   */
  private void count(List<ChangeRecord> batch, int firstFailure) {
    metrics.add(OperationalMetric.STREAM_RECORDS_PROCESSED, firstFailure);
    if (firstFailure < batch.size()) {
      metrics.increment(OperationalMetric.STREAM_RECORDS_FAILED);
    }
    for (ChangeRecord change : batch.subList(0, firstFailure)) {
      UserLifecycle.metricOf(change).ifPresent(metrics::increment);
    }
  }
}
