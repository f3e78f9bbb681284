package dev.scimlambda.activity;

import java.util.function.UnaryOperator;

/**
 * Finds email addresses in text the way the pattern
 * {@code ([^\s@"'<>()\[\],;:]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})} would, in one linear pass. A
 * regular expression's {@code find()} retries from every position of a long run without an
 * {@code @}, which is quadratic: a 60,000-character error detail took 27 s (issue 15). Here each
 * character is looked at a bounded number of times: the local part of an address is the run of
 * local-part characters before its {@code @}, the domain the run of domain characters after it,
 * and neither run can contain an {@code @}, so runs of different addresses do not overlap.
 */
final class EmailScan {

  private EmailScan() {}

  /** Whether the whole text is one address. */
  static boolean isAddress(String text) {
    int at = text.indexOf('@');
    if (at <= 0) {
      return false;
    }
    for (int i = 0; i < at; i++) {
      if (!isLocal(text.charAt(i))) {
        return false;
      }
    }
    return domainEnd(text, at + 1) == text.length();
  }

  /** The text with each address found replaced by {@code mask.apply(address)}. */
  static String maskAddresses(String text, UnaryOperator<String> mask) {
    StringBuilder out = null;
    int copied = 0;
    int searchFrom = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > searchFrom && isLocal(text.charAt(start - 1))) {
        start--;
      }
      if (start == at) {
        continue;
      }
      int end = domainEnd(text, at + 1);
      if (end < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append(mask.apply(text.substring(start, end)));
      copied = end;
      searchFrom = end;
      at = end - 1;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * Where the domain starting at {@code from} ends, or -1 when there is none: the longest prefix of
   * the run of domain characters that ends with a dot, at least one character after the start, and
   * two or more letters (greedy, as the pattern backtracks).
   */
  private static int domainEnd(String text, int from) {
    int runEnd = from;
    while (runEnd < text.length() && isDomain(text.charAt(runEnd))) {
      runEnd++;
    }
    int letters = 0; // the letters directly after position i
    for (int i = runEnd - 1; i > from; i--) {
      char c = text.charAt(i);
      if (isLetter(c)) {
        letters++;
      } else if (c == '.' && letters >= 2) {
        return i + 1 + letters;
      } else {
        letters = 0;
      }
    }
    return -1;
  }

  private static boolean isLocal(char c) {
    return !isRegexSpace(c) && "@\"'<>()[],;:".indexOf(c) < 0;
  }

  /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS: ASCII white space only. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean isDomain(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
