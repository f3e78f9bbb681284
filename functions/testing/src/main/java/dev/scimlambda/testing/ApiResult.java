package dev.scimlambda.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** A handler's response with its body parsed as JSON and case-insensitive header lookup. */
public final class ApiResult {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final APIGatewayV2HTTPResponse response;

  ApiResult(APIGatewayV2HTTPResponse response) {
    this.response = response;
  }

  public int status() {
    return response.getStatusCode();
  }

  public String header(String name) {
    Map<String, String> headers = response.getHeaders();
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  public String bodyText() {
    String body = response.getBody();
    if (body == null) {
      return "";
    }
    return response.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body)) : body;
  }

  public JsonNode json() {
    try {
      return MAPPER.readTree(bodyText());
    } catch (IOException e) {
      throw new UncheckedIOException("body is not JSON: " + bodyText(), e);
    }
  }

  @Override
  public String toString() {
    return status() + " " + bodyText();
  }
}
