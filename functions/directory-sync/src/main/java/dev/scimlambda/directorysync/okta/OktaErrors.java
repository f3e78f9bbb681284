package dev.scimlambda.directorysync.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import java.io.IOException;

/**
 * Okta's words from its two error shapes: the Management API's {@code errorSummary} (with the
 * {@code errorCode}, which Okta's error-code page explains), and the OAuth token endpoint's
 * {@code error_description} (RFC 6749 §5.2).
 */
final class OktaErrors implements DirectoryHttp.ErrorReader {

  static final OktaErrors INSTANCE = new OktaErrors();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OktaErrors() {}

  @Override
  public String message(String body) {
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (json == null || !json.isObject()) {
      return null;
    }
    if (json.hasNonNull("errorSummary")) {
      String code = json.path("errorCode").asText("");
      return json.get("errorSummary").asText() + (code.isEmpty() ? "" : " (" + code + ")");
    }
    if (json.hasNonNull("error")) {
      String description = json.path("error_description").asText("");
      return json.get("error").asText() + (description.isEmpty() ? "" : ": " + description);
    }
    return null;
  }
}
