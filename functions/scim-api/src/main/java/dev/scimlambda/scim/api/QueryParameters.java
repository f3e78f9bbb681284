package dev.scimlambda.scim.api;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;

/** Numeric query parameters, read leniently where RFC 7644 says so and refused with invalidValue otherwise. */
final class QueryParameters {

  private QueryParameters() {}

  static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(ScimType.invalidValue, name + " must be an integer");
    }
  }

  /** RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1. */
  static Long positiveLong(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Math.max(1, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(ScimType.invalidValue, name + " must be an integer");
    }
  }
}
