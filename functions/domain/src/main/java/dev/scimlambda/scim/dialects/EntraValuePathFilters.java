package dev.scimlambda.scim.dialects;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Microsoft Entra ID's filters with a sub-attribute after a value path, which the RFC 7644 filter
 * grammar does not have: {@code emails[type eq "work"].value eq "x"} is read as
 * {@code emails[(type eq "work") and value eq "x"]}, which means the same. {@code ScimFilters}
 * rewrites a filter with this before parsing it.
 */
public final class EntraValuePathFilters {

  /** At most as many rewrites as a filter may have characters ({@code ScimFilters.MAX_LENGTH}). */
  static final int MAX_REWRITES = 4096;

  private static final Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr");

  private EntraValuePathFilters() {}

  /**
   * Rewrites each {@code attr[valFilter].sub op value} (and {@code attr[valFilter].sub pr}) into
   * {@code attr[(valFilter) and sub op value]}; anything that does not fit is left for the parser to
   * reject.
   */
  public static String rewrite(String filter) {
    String current = filter;
    for (int rewrites = 0; rewrites <= MAX_REWRITES; rewrites++) {
      String next = rewriteFirst(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /** The filter with its first rewritable value path rewritten, or null if there is none. */
  private static String rewriteFirst(String s) {
    Deque<Integer> opened = new ArrayDeque<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        i = endOfString(s, i) - 1;
      } else if (c == '[') {
        opened.push(i);
      } else if (c == ']' && !opened.isEmpty()) {
        int open = opened.pop();
        String rewritten = rewriteAt(s, open, i);
        if (rewritten != null) {
          return rewritten;
        }
      }
    }
    return null;
  }

  private static String rewriteAt(String s, int open, int close) {
    int i = close + 1;
    if (i >= s.length() || s.charAt(i) != '.') {
      return null;
    }
    int nameStart = ++i;
    while (i < s.length() && isNameChar(s.charAt(i))) {
      i++;
    }
    if (i == nameStart) {
      return null;
    }
    String name = s.substring(nameStart, i);
    int operatorStart = skipSpaces(s, i);
    if (operatorStart == i || operatorStart + 2 > s.length()) {
      return null;
    }
    String operator = s.substring(operatorStart, operatorStart + 2).toLowerCase(Locale.ROOT);
    int end = operatorStart + 2;
    if (!OPERATORS.contains(operator) || (end < s.length() && !isDelimiter(s.charAt(end)))) {
      return null;
    }
    String value = "";
    if (!operator.equals("pr")) {
      int valueStart = skipSpaces(s, end);
      if (valueStart == end || valueStart >= s.length()) {
        return null;
      }
      if (s.charAt(valueStart) == '"') {
        end = endOfString(s, valueStart);
        if (end > s.length() || s.charAt(end - 1) != '"' || end - 1 == valueStart) {
          return null;
        }
      } else {
        end = valueStart;
        while (end < s.length() && !isDelimiter(s.charAt(end))) {
          end++;
        }
      }
      value = " " + s.substring(valueStart, end);
    }
    return s.substring(0, open + 1)
        + "(" + s.substring(open + 1, close) + ") and " + name + " " + operator + value + "]"
        + s.substring(end);
  }

  /** The index just past the string literal opening at {@code quote} (the length if unterminated). */
  public static int endOfString(String s, int quote) {
    for (int i = quote + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return s.length();
  }

  private static int skipSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '$';
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == ')' || c == ']';
  }
}
