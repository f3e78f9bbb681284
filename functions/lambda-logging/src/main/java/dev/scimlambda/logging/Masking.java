package dev.scimlambda.logging;

import dev.scimlambda.activity.Redaction;
import java.util.regex.Pattern;

/**
 * The last guard between a log call and CloudWatch: whatever text a line carries (a message, an
 * exception's message, a stack trace) leaves with email addresses masked the way the activity log
 * masks them ({@code b***@example.com}) and credentials after {@code Bearer}/{@code Basic} removed.
 * Callers still log ids rather than personal values; this catches what slips through (an
 * exception quoting its input). Text is cut to a bound first; addresses are found by the activity
 * log's own linear scan ({@link Redaction#emailsMasked}), and the credential pattern's repetition
 * is bounded.
 */
public final class Masking {

  /** Longest text a line carries in one field. */
  static final int MAX_TEXT = 8_000;

  private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]{1,4096}");

  private Masking() {}

  public static String mask(CharSequence text) {
    if (text == null) {
      return null;
    }
    String bounded = text.length() <= MAX_TEXT ? text.toString() : text.subSequence(0, MAX_TEXT) + "…";
    String masked = Redaction.emailsMasked(bounded);
    return CREDENTIAL.matcher(masked).replaceAll("$1 [redacted]");
  }
}
