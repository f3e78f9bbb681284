package dev.scimlambda.problem;

/** Input that breaks a rule of the product; names the offending field so callers can point at it. */
public final class InvalidInputException extends Problem {
  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
