package dev.scimlambda.admin.api;

import dev.scimlambda.problem.InvalidInputException;

/**
 * A page size given as {@code ?limit=}: bound as text so a non-number is the admin API's 400 naming
 * the field, not a framework error. The range is the domain's to check.
 */
final class QueryLimit {

  private QueryLimit() {}

  /** Null when absent, so the domain applies its default. */
  static Integer parse(String limit) {
    if (limit == null || limit.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(limit.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("limit", "limit must be a whole number");
    }
  }
}
