package dev.scimlambda.problem;

/**
 * The request conflicts with what is stored (409): a value another resource holds ({@code
 * uniqueness}), or a /Bulk reference to an operation that failed ({@code invalidValue}).
 */
public final class ConflictException extends Problem {

  private final ScimType scimType;

  /** A taken value: {@code uniqueness}. */
  public ConflictException(String message) {
    this(ScimType.uniqueness, message);
  }

  public ConflictException(ScimType scimType, String message) {
    super(message);
    this.scimType = scimType;
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public ScimType scimType() {
    return scimType;
  }
}
