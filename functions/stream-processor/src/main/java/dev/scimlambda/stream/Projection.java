package dev.scimlambda.stream;

import dev.scimlambda.runtime.logging.LogFields;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derived work done for each change. Implementations must be idempotent: Lambda delivers records
 * at least once, and a batch is retried from its first failed record.
 */
public interface Projection {

  void apply(ChangeRecord change);

  /**
   * True when {@link #apply} already retries with backoff (event delivery does, to a customer's
   * webhook): a record it fails is then parked at once, not retried again, so a dead endpoint
   * costs one round of its retries per record, not several, and stays inside the function's timeout.
   */
  default boolean retriesItself() {
    return false;
  }

  /**
   * Applies a batch in stream order and returns the index of the first record not applied (the
   * batch size when all were). A projection whose work does not depend on record order may
   * override this to work on the batch as a whole.
   */
  default int applyAll(List<ChangeRecord> batch) {
    for (int i = 0; i < batch.size(); i++) {
      try {
        apply(batch.get(i));
      } catch (RuntimeException e) {
        Failures.log(getClass(), batch.get(i), e);
        return i;
      }
    }
    return batch.size();
  }

  /** Logging a failed record without its images, which hold customer data. */
  final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private Failures() {}

    public static void log(Class<?> projection, ChangeRecord change, RuntimeException e) {
      LogFields.with(Map.of(
          LogFields.SEQUENCE_NUMBER, change.sequenceNumber(),
          LogFields.WORKSPACE_ID, change.workspaceId().orElse(""),
          LogFields.CONNECTION_ID, change.connectionId().orElse("")),
          () -> LOG.warn("{} failed at sequence {} ({} {}): {}", projection.getSimpleName(),
              change.sequenceNumber(), change.eventName(), change.entity(), e.getClass().getName()));
    }
  }
}
