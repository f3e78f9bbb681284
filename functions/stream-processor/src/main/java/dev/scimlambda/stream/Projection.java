package dev.scimlambda.stream;

/**
 * Derived work done for each change. Implementations must be idempotent: Lambda delivers records
 * at least once, and a batch is retried from its first failed record.
 */
public interface Projection {
  void apply(ChangeRecord change);
}
