package dev.scimlambda.logging;

import java.util.regex.Pattern;

/**
 * The last guard between a log call and CloudWatch: whatever text a line carries (a message, an
 * exception's message, a stack trace) leaves with email addresses masked the way the activity log
 * masks them ({@code b***@example.com}) and credentials after {@code Bearer}/{@code Basic} removed.
 * Callers still log ids rather than personal values; this catches what slips through (an
 * exception quoting its input). Text is cut to a bound first, and the patterns' repetitions are
 * bounded, so masking stays linear in that bound.
 */
public final class Masking {

  /** Longest text a line carries in one field. */
  static final int MAX_TEXT = 8_000;

  private static final Pattern EMAIL = Pattern.compile(
      "([^\\s@\"'<>()\\[\\],;:])[^\\s@\"'<>()\\[\\],;:]{0,63}@([A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63})");
  private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]{1,4096}");

  private Masking() {}

  public static String mask(CharSequence text) {
    if (text == null) {
      return null;
    }
    String bounded = text.length() <= MAX_TEXT ? text.toString() : text.subSequence(0, MAX_TEXT) + "…";
    String masked = EMAIL.matcher(bounded).replaceAll("$1***@$2");
    return CREDENTIAL.matcher(masked).replaceAll("$1 [redacted]");
  }
}
