package dev.scimlambda.scim.query;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;

/** The {@code sortOrder} query parameter (RFC 7644 §3.4.2.3). */
public enum SortOrder {
  ASCENDING,
  DESCENDING;

  /**
   * {@code ascending} when missing or blank; the names are read in any case.
   *
   * @throws InvalidInputException 400 invalidValue for anything else
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
    throw new InvalidInputException(ScimType.invalidValue, "sortOrder must be \"ascending\" or \"descending\".");
  }
}
