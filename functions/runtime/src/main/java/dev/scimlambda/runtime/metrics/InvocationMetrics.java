package dev.scimlambda.runtime.metrics;

import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of one invocation, written when it ends ({@link #flush()}): one Embedded Metric Format
 * line per metric and combination of dimension values, however often it was counted. Counts may come
 * from several threads (the stream's tag refresh pool). Where handlers share one process (the tests,
 * the embedded stack), a flush may write counts of a request still running: each count is still
 * written exactly once.
 */
public final class InvocationMetrics implements OperationalMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(InvocationMetrics.class);
  /** The dimension every metric carries: the function, from POWERTOOLS_SERVICE_NAME. */
  public static final String SERVICE = "Service";

  /** Where counts go when written. */
  @FunctionalInterface
  public interface Destination {
    /** {@code dimensions} holds {@code Service} first, then the metric's own in their order. */
    void write(String metricName, long count, Map<String, String> dimensions);

    /** Loads what writing needs without writing anything, so the first flush is as fast as the rest. */
    default void prepare() {}
  }

  private record Key(OperationalMetric metric, List<String> values) {}

  private final Destination destination;
  private final String service;
  private final Map<Key, Long> counts = new ConcurrentHashMap<>();
  private volatile boolean discarding;

  public InvocationMetrics(Destination destination, String service) {
    this.destination = destination;
    this.service = service;
  }

  @Override
  public void add(OperationalMetric metric, long amount, String... dimensionValues) {
    if (dimensionValues.length != metric.dimensions().size()) {
      throw new IllegalArgumentException(metric.metricName() + " takes the dimensions " + metric.dimensions()
          + ", given " + Arrays.toString(dimensionValues));
    }
    if (amount == 0 || discarding) {
      return;
    }
    counts.merge(new Key(metric, List.of(dimensionValues)), amount, Long::sum);
  }

  /**
   * Writes and forgets every count so far. A count added meanwhile is either written now or kept
   * for the next flush, never both: removing a key and merging into it are atomic.
   */
  public void flush() {
    for (Key key : new ArrayList<>(counts.keySet())) {
      Long count = counts.remove(key);
      if (count != null) {
        try {
          destination.write(key.metric().metricName(), count, dimensions(key));
        } catch (RuntimeException e) {
          // A metric lost is better than a request failed for it.
          LOG.warn("metric {} not written: {}", key.metric().metricName(), e.toString());
        }
      }
    }
  }

  /**
   * Runs {@code priming} counting nothing: SnapStart's priming requests are not traffic, and what
   * init writes to stdout would reach CloudWatch as metrics. The writing path is then prepared, so
   * it is in the snapshot all the same.
   */
  public void discardingDuring(Runnable priming) {
    discarding = true;
    try {
      priming.run();
    } finally {
      counts.clear();
      discarding = false;
    }
    destination.prepare();
  }

  private Map<String, String> dimensions(Key key) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put(SERVICE, service);
    List<String> names = key.metric().dimensions();
    for (int i = 0; i < names.size(); i++) {
      dimensions.put(names.get(i), key.values().get(i));
    }
    return dimensions;
  }
}
