package dev.scimlambda.stream;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every projection over a batch in stream order and reports where it had to stop. */
public final class ChangeProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeProcessor.class);

  private final List<Projection> projections;

  public ChangeProcessor(List<Projection> projections) {
    this.projections = List.copyOf(projections);
  }

  /**
   * The sequence number of the first record that failed, if any. Processing stops there: later
   * records of the same key must not overtake it, and Lambda redelivers from that record anyway.
   */
  public Optional<String> process(List<ChangeRecord> batch) {
    for (ChangeRecord change : batch) {
      try {
        projections.forEach(p -> p.apply(change));
      } catch (RuntimeException e) {
        // Exception type and record position only: images hold customer data.
        LOG.warn("projection failed at sequence {} ({} {}): {}",
            change.sequenceNumber(), change.eventName(), change.entity(), e.getClass().getName());
        return Optional.of(change.sequenceNumber());
      }
    }
    return Optional.empty();
  }
}
