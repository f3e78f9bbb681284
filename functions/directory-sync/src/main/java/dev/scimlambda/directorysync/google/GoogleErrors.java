package dev.scimlambda.directorysync.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import java.io.IOException;
import java.util.Set;

/**
 * Google's words from its two error shapes: the API's {@code error.message} (with {@code
 * error.errors[].reason}), and the OAuth token endpoint's {@code error}/{@code error_description}.
 * Google reports quota errors as 429, or as 403 with a rate-limit reason, so those count as throttles.
 */
final class GoogleErrors implements DirectoryHttp.ErrorReader {

  static final GoogleErrors INSTANCE = new GoogleErrors();

  /** The Directory API's "back off and retry" reasons (its limits page). */
  private static final Set<String> QUOTA_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoogleErrors() {}

  @Override
  public String message(String body) {
    JsonNode json = parse(body);
    if (json == null) {
      return null;
    }
    JsonNode error = json.get("error");
    if (error != null && error.isObject()) {
      String reason = reason(error);
      return error.path("message").asText("") + (reason == null ? "" : " (" + reason + ")");
    }
    if (error != null && error.isTextual()) {
      String description = json.path("error_description").asText("");
      return error.asText() + (description.isEmpty() ? "" : ": " + description);
    }
    return null;
  }

  @Override
  public boolean rateLimited(int status, String body) {
    if (status == 429) {
      return true;
    }
    if (status != 403) {
      return false;
    }
    JsonNode json = parse(body);
    JsonNode error = json == null ? null : json.get("error");
    return error != null && error.isObject() && QUOTA_REASONS.contains(reason(error));
  }

  private static String reason(JsonNode error) {
    JsonNode errors = error.path("errors");
    return errors.isArray() && !errors.isEmpty() && errors.get(0).hasNonNull("reason")
        ? errors.get(0).get("reason").asText() : null;
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode json = MAPPER.readTree(body);
      return json != null && json.isObject() ? json : null;
    } catch (IOException e) {
      return null;
    }
  }
}
