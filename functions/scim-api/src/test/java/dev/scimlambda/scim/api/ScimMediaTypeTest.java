package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import org.junit.jupiter.api.Test;

class ScimMediaTypeTest extends ScimTestConnections {

  private static final String DOCUMENT = "{\"schemas\":[\"urn:example\"],\"userName\":\"ada@example.com\"}";

  private static ApiResult post(String contentType, String body) {
    IssuedConnection connection = newConnection();
    return ApiCall.of("POST", "/scim/v2/" + connection.connection().id() + "/Echo")
        .bearer(connection.bearerToken())
        .body(contentType, body)
        .invoke(handler);
  }

  @Test
  void aScimJsonBodyIsReadAndTheResponseIsScimJson() {
    ApiResult result = post("application/scim+json", DOCUMENT);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Content-Type")).startsWith("application/scim+json");
    assertThat(result.json().get("userName").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void aScimJsonBodyWithCharsetIsRead() {
    ApiResult result = post("application/scim+json; charset=utf-8", DOCUMENT);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("userName").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void aPlainJsonBodyIsReadAndTheResponseIsStillScimJson() {
    ApiResult result = post("application/json", DOCUMENT);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Content-Type")).startsWith("application/scim+json");
    assertThat(result.json().get("userName").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void malformedJsonIs400InvalidSyntaxWithoutEchoingTheInput() {
    ApiResult result = post("application/scim+json", "{\"userName\": secret-looking-value");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidSyntax");
    assertThat(result.json().get("status").asText()).isEqualTo("400");
    assertThat(result.bodyText()).doesNotContain("secret-looking-value");
  }

  @Test
  void aBodyOverTheAdvertisedMaximumIs413() {
    IssuedConnection connection = newConnection();
    String big = "{\"userName\":\"" + "x".repeat(ScimCapabilities.MAX_PAYLOAD_SIZE) + "\"}";
    ApiResult result = ApiCall.of("POST", "/scim/v2/" + connection.connection().id() + "/Echo")
        .bearer(connection.bearerToken())
        .body("application/scim+json", big)
        .header("content-length", Integer.toString(big.length()))
        .invoke(handler);
    assertThat(result.status()).isEqualTo(413);
    assertThat(result.json().get("status").asText()).isEqualTo("413");
  }

  @Test
  void anUnsupportedContentTypeIs415InTheScimErrorSchema() {
    ApiResult result = post("text/plain", DOCUMENT);
    assertThat(result.status()).isEqualTo(415);
    assertThat(result.json().get("status").asText()).isEqualTo("415");
  }
}
