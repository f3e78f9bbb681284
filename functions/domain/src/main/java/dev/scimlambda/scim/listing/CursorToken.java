package dev.scimlambda.scim.listing;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.paging.PageCursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 9865 cursor values: opaque to clients, carrying the position, the total and the query they
 * belong to, so a cursor used with another filter is refused rather than silently misapplied.
 */
final class CursorToken {

  private CursorToken() {}

  static String encode(PageCursor position, String queryKey) {
    String raw = queryKey + "|" + position.totalResults() + "|" + position.afterId();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static PageCursor decode(String token, String queryKey) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (parts.length != 3 || !parts[0].equals(queryKey) || parts[2].isEmpty()) {
      throw invalid();
    }
    try {
      return new PageCursor(parts[2], Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException(ScimType.invalidCursor, "The cursor is not valid for this query");
  }
}
