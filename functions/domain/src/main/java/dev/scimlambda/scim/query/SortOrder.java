package dev.scimlambda.scim.query;

import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimType;

/** The {@code sortOrder} query parameter (RFC 7644 §3.4.2.3). */
public enum SortOrder {
  ASCENDING,
  DESCENDING;

  /**
   * {@code ascending} when missing or blank; the names are read in any case.
   *
   * @throws ScimException 400 invalidValue for anything else
   */
  public static SortOrder parse(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return ASCENDING;
    }
    String value = parameter.strip();
    if (value.equalsIgnoreCase("ascending")) {
      return ASCENDING;
    }
    if (value.equalsIgnoreCase("descending")) {
      return DESCENDING;
    }
    throw ScimException.badRequest(ScimType.invalidValue, "sortOrder must be \"ascending\" or \"descending\".");
  }
}
