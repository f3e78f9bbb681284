package dev.scimlambda.scim.query;

/**
 * Attributes the store keeps index items for, so an {@code eq} on them is answered without a scan.
 * {@link #key} is the one normalisation both the store (when writing index items) and the planner
 * (when reading them) use, so every resource the filter matches is among the candidates.
 */
public enum IndexedAttribute {
  ID(true),
  USER_NAME(false),
  DISPLAY_NAME(false),
  EXTERNAL_ID(true),
  EMAIL(false),
  MEMBER(true);

  private final boolean caseExact;

  IndexedAttribute(boolean caseExact) {
    this.caseExact = caseExact;
  }

  /** The index key of a value: exact for caseExact attributes, else trimmed and lower-cased. */
  public String key(String value) {
    return caseExact ? value : Json.fold(value.strip());
  }
}
