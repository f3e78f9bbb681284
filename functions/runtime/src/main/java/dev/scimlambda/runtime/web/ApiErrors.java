package dev.scimlambda.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * The one place error bodies are written. SCIM routes answer in the RFC 7644 §3.12 error schema
 * (IdPs parse {@code status} and {@code scimType}); admin routes answer {@code {"error":{...}}}
 * naming the offending field. Nothing from an exception's cause ever reaches a body: causes can
 * carry request data, and request data can carry secrets.
 */
public final class ApiErrors {

  static final String SCIM_PREFIX = "/scim/";

  private ApiErrors() {}

  public static MutableHttpResponse<JsonNode> render(
      HttpRequest<?> request, int status, ScimType scimType, String field, String message) {
    boolean scim = request.getPath().startsWith(SCIM_PREFIX);
    JsonNode body = scim ? ScimJson.error(status, scimType, message) : adminError(status, field, message);
    return HttpResponse.<JsonNode>status(HttpStatus.valueOf(status))
        .body(body)
        .contentType(scim ? MediaType.of(ScimJson.MEDIA_TYPE) : MediaType.APPLICATION_JSON_TYPE);
  }

  private static ObjectNode adminError(int status, String field, String message) {
    ObjectNode root = ScimJson.MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("status", status);
    error.put("code", code(status));
    if (field != null) {
      error.put("field", field);
    }
    error.put("message", message);
    return root;
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "invalid_input";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }
}
