package dev.scimlambda.problem;

/**
 * Input that breaks a rule of the protocol or of the product (400): a malformed body, path or
 * filter, a value outside its schema, a field the admin API refuses. Carries the RFC 7644 §3.12
 * {@code scimType} that says which, and where known the offending field so callers can point at it.
 */
public final class InvalidInputException extends Problem {

  private final ScimType scimType;
  private final String field;

  /** A product rule broken by {@code field}: {@code invalidValue}. */
  public InvalidInputException(String field, String message) {
    this(ScimType.invalidValue, field, message);
  }

  /** A SCIM request the protocol rejects, with its keyword. */
  public InvalidInputException(ScimType scimType, String message) {
    this(scimType, null, message);
  }

  private InvalidInputException(ScimType scimType, String field, String message) {
    super(message);
    this.scimType = scimType;
    this.field = field;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public ScimType scimType() {
    return scimType;
  }

  /** Null for a protocol error that names no single field. */
  public String field() {
    return field;
  }
}
