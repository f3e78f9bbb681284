package dev.scimlambda.reconciliation;

import dev.scimlambda.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a workspace's reconciliation stopped: the step it is in, and the last item done in it. Handed
 * to callers as an opaque string; every page before it is repaired, so resuming from it (or from any
 * earlier cursor) repeats nothing that matters.
 *
 * @param connectionId the connection whose SCIM users are being paged ({@link Step#SCIM_USERS} only)
 * @param after the last SCIM user or app user done; null at the start of the step or connection
 */
public record ReconciliationCursor(Step step, String connectionId, String after) {

  /** The steps, in order: re-derive from the source items, remove what has no source, count the seats. */
  public enum Step {
    /** Every SCIM user of each of the workspace's connections re-derives its app user. */
    SCIM_USERS,
    /** Every app user: identity links whose SCIM user is gone are removed, people left with none too. */
    APP_USERS,
    /** The seat ledger is set to the number of people holding a seat. */
    SEAT_LEDGER
  }

  private static final char SEPARATOR = '|';

  public static ReconciliationCursor start() {
    return new ReconciliationCursor(Step.SCIM_USERS, null, null);
  }

  public String encode() {
    String plain = step.name() + SEPARATOR + nullToEmpty(connectionId) + SEPARATOR + nullToEmpty(after);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a previous call answered with ({@code next}); anything else is a 400 naming it. */
  public static ReconciliationCursor decode(String encoded) {
    // Ids are short: a cursor longer than this was not made here.
    if (encoded == null || encoded.length() > 400) {
      throw invalid();
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length != 3) {
        throw invalid();
      }
      return new ReconciliationCursor(Step.valueOf(parts[0]), emptyToNull(parts[1]), emptyToNull(parts[2]));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException("cursor", "cursor must be the value of next from a previous reconciliation");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
