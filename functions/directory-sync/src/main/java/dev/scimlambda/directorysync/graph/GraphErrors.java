package dev.scimlambda.directorysync.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import java.io.IOException;

/** The provider's words in Graph's and the identity platform's error bodies. */
enum GraphErrors implements DirectoryHttp.ErrorReader {
  /** Graph: {@code {"error": {"code": "…", "message": "…"}}}. */
  API {
    @Override
    public String message(String body) {
      JsonNode error = parse(body).path("error");
      String code = error.path("code").asText("");
      String message = error.path("message").asText("");
      return code.isEmpty() ? message : code + ": " + message;
    }
  },
  /** The token endpoint (OAuth 2.0, RFC 6749 §5.2): {@code error} and {@code error_description}. */
  TOKEN {
    @Override
    public String message(String body) {
      JsonNode error = parse(body);
      String description = error.path("error_description").asText("");
      // AADSTS descriptions end with trace and correlation ids on further lines; the first line says it.
      int newline = description.indexOf('\n');
      description = newline < 0 ? description : description.substring(0, newline).trim();
      return error.path("error").asText("") + (description.isEmpty() ? "" : ": " + description);
    }
  };

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return MAPPER.createObjectNode();
    }
  }
}
