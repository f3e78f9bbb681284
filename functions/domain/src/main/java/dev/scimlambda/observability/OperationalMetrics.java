package dev.scimlambda.observability;

/**
 * Where the product counts what it did for its operators. The functions write the counts as
 * CloudWatch metrics at the end of each invocation; the domain only says what happened.
 */
public interface OperationalMetrics {

  /** Counts nothing: for code run outside a function (tools, benchmarks) and tests that do not look. */
  OperationalMetrics NONE = (metric, amount, dimensionValues) -> {};

  /**
   * Adds {@code amount} to {@code metric} for the given values of its {@link OperationalMetric#dimensions()},
   * in the order it names them. Values must come from a small fixed set: each distinct combination is
   * a metric CloudWatch bills.
   */
  void add(OperationalMetric metric, long amount, String... dimensionValues);

  default void increment(OperationalMetric metric, String... dimensionValues) {
    add(metric, 1, dimensionValues);
  }
}
