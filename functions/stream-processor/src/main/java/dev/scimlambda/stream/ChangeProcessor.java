package dev.scimlambda.stream;

import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every projection over a batch. What happens to a record a projection cannot apply depends on
 * whether a failure store is configured:
 *
 * <ul>
 *   <li>With one (AWS, the embedded stack), the record is retried alone a few times with backoff
 *       ({@link #PARKING}; not by a projection that {@linkplain Projection#retriesItself retries
 *       itself}), then parked with its full images, for that projection, and the
 *       projection moves on to the rest of the batch. The shard, which every tenant shares, is not
 *       held up by one tenant's bad record. Only if parking itself fails is the record reported as
 *       the batch's failure, so Lambda retries it and nothing is lost.
 *   <li>Without one, the record is reported as the batch's failure at once, and Lambda retries it.
 * </ul>
 *
 * <p>Moving on is safe because projections re-derive their result from the table as it is now, not
 * from the order of records: a later record of the same user applied before the parked one leaves
 * the same state the redrive of the parked one then confirms. What does depend on order is what
 * leaves the system: a parked record's directory event is delivered at redrive, after later events
 * of the same resource; consumers order by the event's sequence number and time, which are the
 * record's own.
 */
public final class ChangeProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeProcessor.class);

  /**
   * Three tries of a failing record in all (the batch pass, then two alone) with at most 1.5 s of
   * pauses: enough for a throttled write or a brief outage, short enough that a batch with a few
   * bad records still finishes well inside the function's timeout.
   */
  public static final RetryPolicy PARKING = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(1));

  private final List<Projection> projections;
  private final Optional<ParkedRecords> parked;
  private final RetryPolicy retry;
  private final Clock clock;
  private final OperationalMetrics metrics;

  /** Reports a failed record to Lambda; used where no failure store is configured. */
  public ChangeProcessor(List<Projection> projections) {
    this(projections, OperationalMetrics.NONE);
  }

  public ChangeProcessor(List<Projection> projections, OperationalMetrics metrics) {
    this(projections, Optional.empty(), PARKING, Clock.systemUTC(), metrics);
  }

  public ChangeProcessor(List<Projection> projections, Optional<ParkedRecords> parked, RetryPolicy retry, Clock clock) {
    this(projections, parked, retry, clock, OperationalMetrics.NONE);
  }

  public ChangeProcessor(List<Projection> projections, Optional<ParkedRecords> parked, RetryPolicy retry, Clock clock,
      OperationalMetrics metrics) {
    this.projections = List.copyOf(projections);
    this.parked = parked;
    this.retry = retry;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The sequence number of the first record that failed and was not parked, if any. Lambda
   * redelivers the batch from there, to every projection, so the records after it are applied
   * again: projections are idempotent, and no record of a key overtakes an earlier unparked one.
   */
  public Optional<String> process(List<ChangeRecord> batch) {
    int firstFailure = batch.size();
    for (Projection projection : projections) {
      firstFailure = Math.min(firstFailure, applyParking(projection, batch));
    }
    count(batch, firstFailure);
    return firstFailure == batch.size() ? Optional.empty() : Optional.of(batch.get(firstFailure).sequenceNumber());
  }

  /**
   * Only the records before the failure count as processed, and toward the user metrics: the
   * failed one and those after it come again, and count when they are through. A parked record
   * counts as processed and, when parked, as failed.
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

  /** The index of the first record this projection neither applied nor parked (the batch size when none). */
  private int applyParking(Projection projection, List<ChangeRecord> batch) {
    if (parked.isPresent() && projection.retriesItself()) {
      return applyEachParkingAtOnce(projection, batch);
    }
    int from = 0;
    while (from < batch.size()) {
      int failed = from + projection.applyAll(batch.subList(from, batch.size()));
      if (failed >= batch.size()) {
        return batch.size();
      }
      if (parked.isEmpty()) {
        return failed;
      }
      ChangeRecord change = batch.get(failed);
      Optional<String> failure = retryAlone(projection, change);
      if (failure.isPresent() && !park(projection, change, failure.get())) {
        return failed;
      }
      from = failed + 1;
    }
    return batch.size();
  }

  private int applyEachParkingAtOnce(Projection projection, List<ChangeRecord> batch) {
    for (int i = 0; i < batch.size(); i++) {
      try {
        projection.apply(batch.get(i));
      } catch (RuntimeException e) {
        Projection.Failures.log(projection.getClass(), batch.get(i), e);
        if (!park(projection, batch.get(i), e.getClass().getName())) {
          return i;
        }
      }
    }
    return batch.size();
  }

  /** Empty when a retry applied the record, else the class of the last exception. */
  private Optional<String> retryAlone(Projection projection, ChangeRecord change) {
    String failure = "unknown";
    for (int attempt = 1; retry.allowsAnotherAfter(attempt); attempt++) {
      retry.pauseAfter(attempt);
      try {
        projection.apply(change);
        return Optional.empty();
      } catch (RuntimeException e) {
        failure = e.getClass().getName();
      }
    }
    return Optional.of(failure);
  }

  private boolean park(Projection projection, ChangeRecord change, String failure) {
    try {
      parked.orElseThrow().park(ParkedRecord.of(change, name(projection), failure, clock.instant()));
      metrics.increment(OperationalMetric.STREAM_RECORDS_FAILED);
      LOG.warn("{} could not apply sequence {} ({} {}): {}; parked for redrive", name(projection),
          change.sequenceNumber(), change.eventName(), change.entity(), failure);
      return true;
    } catch (RuntimeException e) {
      LOG.error("could not park sequence {} for {}: {}; the stream retries it", change.sequenceNumber(),
          name(projection), e.getClass().getName());
      return false;
    }
  }

  /**
   * Applies a parked record again, once, with the projection that could not apply it (every
   * projection if none has that name any more). Empty when applied, else the exception's class.
   */
  public Optional<String> reapply(ChangeRecord change, String projectionName) {
    List<Projection> targets = projections.stream().filter(p -> name(p).equals(projectionName)).toList();
    for (Projection projection : targets.isEmpty() ? projections : targets) {
      try {
        projection.apply(change);
      } catch (RuntimeException e) {
        return Optional.of(e.getClass().getName());
      }
    }
    return Optional.empty();
  }

  static String name(Projection projection) {
    return projection.getClass().getSimpleName();
  }
}
