package dev.scimlambda.scim.query;

import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.dialects.EntraValuePathFilters;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parses the {@code filter} query parameter (RFC 7644 §3.4.2.2) with UnboundID's parser. Every
 * failure is a 400 {@code invalidFilter}; nothing else escapes.
 *
 * <p>Besides the RFC grammar this accepts {@code emails[type eq "work"].value eq "x"}, which
 * Microsoft Entra ID sends: see {@link EntraValuePathFilters}.
 */
public final class ScimFilters {

  /** Longer filters are refused before parsing: no IdP sends them, and they cost to evaluate. */
  public static final int MAX_LENGTH = 4096;

  /** Parentheses and brackets nest at most this deep; the parser recurses on them. */
  public static final int MAX_DEPTH = 50;

  private ScimFilters() {}

  public static Filter parse(String filter) {
    if (filter == null || filter.isBlank()) {
      throw invalid("The filter is empty.");
    }
    if (filter.length() > MAX_LENGTH) {
      throw invalid("The filter is longer than " + MAX_LENGTH + " characters.");
    }
    requireBalanced(filter);
    String rewritten = EntraValuePathFilters.rewrite(filter);
    try {
      return Filter.fromString(rewritten);
    } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
      throw invalid(inOurWords(e.getMessage(), rewritten.equals(filter)));
    } catch (RuntimeException | StackOverflowError e) {
      throw invalid("The filter is not valid filter syntax (RFC 7644 §3.4.2.2).");
    }
  }

  private static InvalidInputException invalid(String detail) {
    return new InvalidInputException(ScimType.invalidFilter, detail);
  }

  /**
   * The parser's complaint in this service's words. The parser quotes Jackson for a bad comparison
   * value (its message names Jackson's tokens and source settings); a position is kept only when it
   * refers to the filter as the client sent it.
   */
  private static String inOurWords(String message, boolean positionsAsSent) {
    String text = message == null ? "" : message;
    String at = positionsAsSent ? position(text) : "";
    if (text.startsWith("Invalid comparison value")) {
      return "A comparison value" + at + " is not a quoted string, a number, true, false or null.";
    }
    if (text.startsWith("Unexpected end of filter string")) {
      return "The filter ends before it is complete: an operator, a value or a closing parenthesis is missing.";
    }
    return "The filter is not valid filter syntax (RFC 7644 §3.4.2.2)" + at + ".";
  }

  /** {@code " at position N"} from a parser message, or empty. */
  private static String position(String message) {
    int at = message.indexOf("position ");
    if (at < 0) {
      return "";
    }
    int start = at + "position ".length();
    int end = start;
    while (end < message.length() && end - start < 5 && Character.isDigit(message.charAt(end))) {
      end++;
    }
    return end == start ? "" : " at position " + message.substring(start, end);
  }

  /**
   * Refuses what the parser would accept or misread: an unclosed bracket or parenthesis (the parser
   * takes {@code emails[type eq "work"} as if it were closed), a closing one without its opening, an
   * unterminated string, and nesting deeper than {@link #MAX_DEPTH}.
   */
  private static void requireBalanced(String filter) {
    Deque<Character> open = new ArrayDeque<>();
    for (int i = 0; i < filter.length(); i++) {
      char c = filter.charAt(i);
      if (c == '"') {
        int end = EntraValuePathFilters.endOfString(filter, i);
        if (end > filter.length() || filter.charAt(end - 1) != '"' || end - 1 == i) {
          throw invalid("A string in the filter is not closed with '\"'.");
        }
        i = end - 1;
      } else if (c == '(' || c == '[') {
        open.push(c);
        if (open.size() > MAX_DEPTH) {
          throw invalid("The filter nests parentheses or brackets deeper than " + MAX_DEPTH + " levels.");
        }
      } else if (c == ')' || c == ']') {
        char expected = c == ')' ? '(' : '[';
        if (open.isEmpty() || open.pop() != expected) {
          throw invalid("The filter has a '" + c + "' without its opening '" + expected + "'.");
        }
      }
    }
    if (!open.isEmpty()) {
      throw invalid("The filter has an unclosed '" + open.peek() + "'.");
    }
  }
}
