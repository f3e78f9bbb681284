package dev.scimlambda.scim.resource;

/** A store refused a write because another resource of the connection already holds a unique value. */
public final class UniquenessViolation extends RuntimeException {

  /** The login email, unique per workspace across connections (one person, one account). */
  public static final String EMAIL = "email";

  public UniquenessViolation(String attribute) {
    super(attribute);
  }

  /** The attribute whose value is taken, e.g. {@code userName}. */
  public String attribute() {
    return getMessage();
  }
}
