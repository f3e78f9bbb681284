package dev.scimlambda.problem;

/** The human-readable name admins give workspaces and connections. */
public final class DisplayName {

  static final int MAX_LENGTH = 200;

  private DisplayName() {}

  /** The name without surrounding blanks; rejects a missing, blank or overlong one naming {@code field}. */
  public static String valid(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(field, field + " is required");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, field + " must be at most " + MAX_LENGTH + " characters");
    }
    return stripped;
  }
}
