package dev.scimlambda.problem;

/** A write lost against existing state: a duplicate key, or a concurrent change of the same item. */
public final class ConflictException extends Problem {
  public ConflictException(String message) {
    super(message);
  }
}
