package dev.scimlambda.scim.query;

/**
 * Attributes the store keeps index items for, so an {@code eq} on them is answered without a scan.
 * {@link #key} is the one normalisation both the store (when writing index items) and the planner
 * (when reading them) use, so every resource the filter matches is among the candidates.
 */
public enum IndexedAttribute {
  ID(true, "id"),
  USER_NAME(false, "userName"),
  DISPLAY_NAME(false, "displayName"),
  EXTERNAL_ID(true, "externalId"),
  EMAIL(false, "emails.value"),
  MEMBER(true, "members.value");

  private final boolean caseExact;
  private final String path;

  IndexedAttribute(boolean caseExact, String path) {
    this.caseExact = caseExact;
    this.path = path;
  }

  /** The attribute path as a client writes it, for error details. */
  public String path() {
    return path;
  }

  /** The index key of a value: exact for caseExact attributes, else trimmed and lower-cased. */
  public String key(String value) {
    return caseExact ? value : Json.fold(value.strip());
  }
}
