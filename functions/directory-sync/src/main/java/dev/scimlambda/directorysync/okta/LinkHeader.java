package dev.scimlambda.directorysync.okta;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * The {@code rel="next"} target of the {@code Link} headers Okta pages with (RFC 8288). Okta sends
 * one header per relation; a server may also join them with commas, so both are read. Parsed by
 * hand, bounded, without a regular expression.
 */
final class LinkHeader {

  private static final int MAX_HEADER_LENGTH = 8_192;

  private LinkHeader() {}

  static Optional<String> next(HttpHeaders headers) {
    for (String header : headers.allValues("Link")) {
      if (header.length() > MAX_HEADER_LENGTH) {
        continue;
      }
      for (String link : header.split(",(?=\\s*<)")) {
        Optional<String> target = nextTarget(link);
        if (target.isPresent()) {
          return target;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nextTarget(String link) {
    int open = link.indexOf('<');
    int close = link.indexOf('>', open + 1);
    if (open < 0 || close < 0) {
      return Optional.empty();
    }
    for (String parameter : link.substring(close + 1).split(";")) {
      String p = parameter.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
        String value = p.substring(eq + 1).trim().replace("\"", "");
        for (String rel : value.split(" ")) {
          if (rel.equalsIgnoreCase("next")) {
            return Optional.of(link.substring(open + 1, close).trim());
          }
        }
      }
    }
    return Optional.empty();
  }
}
