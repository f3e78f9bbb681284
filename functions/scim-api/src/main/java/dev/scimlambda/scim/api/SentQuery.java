package dev.scimlambda.scim.api;

import io.micronaut.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters as the client sent them. Micronaut's API Gateway proxy splits every query
 * value at its commas (API Gateway joins a repeated parameter's values with commas), so with
 * {@code @QueryValue} a filter such as {@code displayName eq "Sales, EMEA"} or a list such as
 * {@code attributes=userName,name.familyName} is cut at its first comma. The request URI the proxy
 * builds keeps every value whole.
 */
final class SentQuery {

  private final Map<String, String> values;

  private SentQuery(Map<String, String> values) {
    this.values = values;
  }

  static SentQuery of(HttpRequest<?> request) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = request.getUri().getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        values.merge(name, eq < 0 ? "" : decode(pair.substring(eq + 1)), (a, b) -> a + "," + b);
      }
    }
    return new SentQuery(values);
  }

  /** The value, or null when the parameter is absent. */
  String get(String name) {
    return values.get(name);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
