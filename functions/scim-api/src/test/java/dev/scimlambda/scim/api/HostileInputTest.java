package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's hostile cases, each answered with a SCIM 4xx before it reaches DynamoDB's key and
 * item limits (docs/limits.md), and quickly: never a 500, never seconds of regex.
 */
class HostileInputTest extends ScimTestConnections {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  private static IssuedConnection connection;
  private static String userId;
  private static String groupId;

  @BeforeAll
  static void directory() {
    connection = newConnection();
    userId = createUser(connection, userJson("ada@example.com"));
    groupId = call(connection, "POST", "/Groups", group("Tour Guides")).json().get("id").asText();
  }

  private static String group(String displayName) {
    return "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + displayName + "\"}";
  }

  private static String patch(String operations) {
    return "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[" + operations + "]}";
  }

  private static ApiResult call(String method, String path, String body) {
    return ScimTestConnections.call(connection, method, path, body);
  }

  private static String filter(String filter) {
    return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static void assertScimError(ApiResult result, int status, String scimType) {
    assertThat(result.status()).as(result.toString()).isEqualTo(status);
    assertThat(result.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    if (scimType != null) {
      assertThat(result.json().get("scimType").asText()).isEqualTo(scimType);
    }
  }

  /** The handler's own time for one request, the bound the fuzz suite also uses. */
  private static long millis(Runnable request) {
    long started = System.nanoTime();
    request.run();
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  void anIdOf1100CharactersInThePathIs400InvalidValue() {
    String id = "x".repeat(1100);
    for (String resource : List.of("/Users/", "/Groups/")) {
      assertScimError(call("GET", resource + id, null), 400, "invalidValue");
      assertScimError(call("DELETE", resource + id, null), 400, "invalidValue");
      assertScimError(call("PATCH", resource + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}")), 400,
          "invalidValue");
    }
    assertScimError(call("PUT", "/Users/" + id, userJson("bob@example.com")), 400, "invalidValue");
    assertScimError(call("PUT", "/Groups/" + id, group("Pilots")), 400, "invalidValue");
  }

  @Test
  void aUserNameOf1030CharactersIs400InvalidValue() {
    assertScimError(call("POST", "/Users", userJson("u".repeat(1030))), 400, "invalidValue");
    assertScimError(call("PATCH", "/Users/" + userId, patch("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\""
        + "u".repeat(1030) + "\"}")), 400, "invalidValue");
  }

  @Test
  void anExternalIdOf1500CharactersIs400InvalidValue() {
    String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"ext@example.com\",\"externalId\":\"" + "e".repeat(1500) + "\"}";
    assertScimError(call("POST", "/Users", body), 400, "invalidValue");
    assertScimError(call("PUT", "/Users/" + userId, body), 400, "invalidValue");
  }

  @Test
  void anEmailValueOf1100CharactersIs400InvalidValue() {
    String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"mail@example.com\",\"emails\":[{\"value\":\""
        + "m".repeat(1090) + "@example.com\"}]}";
    assertScimError(call("POST", "/Users", body), 400, "invalidValue");
  }

  @Test
  void a450KilobyteAttributeIs400InvalidValue() {
    String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"big@example.com\",\"title\":\"" + "t".repeat(450_000) + "\"}";
    assertScimError(call("POST", "/Users", body), 400, "invalidValue");
    assertThat(call("GET", "/Users?" + filter("userName eq \"big@example.com\""), null).json().get("totalResults").asInt())
        .isZero();
  }

  @Test
  void aPatchOf10000PhoneNumberAddsThatWouldOutgrowTheItemIs400AndChangesNothing() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      numbers.add("{\"value\":\"+1-555-" + String.format("%07d", i) + "\",\"type\":\"work\"}");
    }
    String body = patch("{\"op\":\"add\",\"path\":\"phoneNumbers\",\"value\":[" + String.join(",", numbers) + "]}");
    assertThat(body.length()).isLessThan(ScimCapabilities.MAX_PAYLOAD_SIZE);
    String version = call("GET", "/Users/" + userId, null).header("ETag");
    long took = millis(() -> assertScimError(call("PATCH", "/Users/" + userId, body), 400, "invalidValue"));
    assertThat(took).isLessThan(2_000);
    assertThat(call("GET", "/Users/" + userId, null).header("ETag")).isEqualTo(version);
  }

  @Test
  void aPatchThatWouldGrowTheUserPastTheStoredSizeIs400AndChangesNothing() {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      addresses.add("{\"streetAddress\":\"" + i + " " + "Long Street ".repeat(20) + "\",\"type\":\"work\"}");
    }
    String body = patch("{\"op\":\"add\",\"path\":\"addresses\",\"value\":[" + String.join(",", addresses) + "]}");
    String version = call("GET", "/Users/" + userId, null).header("ETag");
    ApiResult result = call("PATCH", "/Users/" + userId, body);
    assertScimError(result, 400, "invalidValue");
    assertThat(result.json().get("detail").asText()).contains("131072 bytes");
    assertThat(call("GET", "/Users/" + userId, null).header("ETag")).isEqualTo(version);
  }

  @Test
  void aGroupDisplayNameOver1024CharactersIs400InvalidValue() {
    assertScimError(call("POST", "/Groups", group("g".repeat(1025))), 400, "invalidValue");
    assertScimError(call("PATCH", "/Groups/" + groupId, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
        + "g".repeat(1025) + "\"}")), 400, "invalidValue");
  }

  @Test
  void aMemberIdOf1100CharactersIs400InvalidValue() {
    String member = "[{\"value\":\"" + "m".repeat(1100) + "\"}]";
    assertScimError(call("POST", "/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Long members\",\"members\":"
        + member + "}"), 400, "invalidValue");
    assertScimError(call("PATCH", "/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":" + member + "}")),
        400, "invalidValue");
    assertScimError(call("PATCH", "/Groups/" + groupId, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\""
        + "m".repeat(1100) + "\\\"]\"}")), 400, "invalidValue");
  }

  @Test
  void aBulkDeleteOfAn1100CharacterIdFailsThatOperationWith400() {
    ApiResult result = call("POST", "/Bulk", "{\"schemas\":[\"" + BULK + "\"],\"Operations\":["
        + "{\"method\":\"DELETE\",\"path\":\"/Users/" + "d".repeat(1100) + "\"}]}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    JsonNode operation = result.json().get("Operations").get(0);
    assertThat(operation.get("status").asText()).isEqualTo("400");
    assertThat(operation.get("response").get("scimType").asText()).isEqualTo("invalidValue");
  }

  @Test
  void indexedEqFiltersWithA3000CharacterValueAre400InvalidFilter() {
    String value = "\"" + "v".repeat(3000) + "\"";
    for (String attribute : List.of("userName", "externalId", "emails.value", "id", "emails[type eq \"work\"].value")) {
      assertScimError(call("GET", "/Users?" + filter(attribute + " eq " + value), null), 400, "invalidFilter");
    }
    for (String attribute : List.of("displayName", "externalId", "members.value", "id")) {
      assertScimError(call("GET", "/Groups?" + filter(attribute + " eq " + value), null), 400, "invalidFilter");
    }
    assertScimError(call("POST", "/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
        + "\"filter\":\"userName eq \\\"" + "v".repeat(3000) + "\\\"\"}"), 400, "invalidFilter");
  }

  @Test
  void aChunkedBodyOverTheAdvertisedMaximumIs413() {
    // No Content-Length header: what a chunked request looks like to the function.
    String padded = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"chunked@example.com\",\"title\":\""
        + "p".repeat(ScimCapabilities.MAX_PAYLOAD_SIZE + 512 * 1024) + "\"}";
    ApiResult result = ApiCall.of("POST", "/scim/v2/" + connection.connection().id() + "/Users")
        .bearer(connection.bearerToken())
        .body("application/scim+json", padded)
        .invoke(handler);
    assertScimError(result, 413, null);
    assertThat(call("GET", "/Users?" + filter("userName eq \"chunked@example.com\""), null).json().get("totalResults").asInt())
        .isZero();
  }

  @Test
  void aDuplicated60000CharacterBulkIdIsAnsweredInMilliseconds() {
    String bulkId = "b".repeat(60_000);
    String op = "{\"method\":\"POST\",\"bulkId\":\"" + bulkId + "\",\"path\":\"/Users\",\"data\":" + userJson("dup@example.com") + "}";
    long took = millis(() -> assertScimError(call("POST", "/Bulk", "{\"schemas\":[\"" + BULK + "\"],\"Operations\":["
        + op + "," + op + "]}"), 400, "invalidValue"));
    assertThat(took).isLessThan(1_000);
  }

  @Test
  void aPatchPathFullOfAddressCharactersIsAnsweredInMilliseconds() {
    for (String path : List.of("a".repeat(40_000) + "@example.com", "@.".repeat(20_000), "a.".repeat(20_000) + "@x")) {
      long took = millis(() -> assertScimError(call("PATCH", "/Users/" + userId,
          patch("{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":\"x\"}")), 400, null));
      assertThat(took).as("milliseconds for a %d-character path", path.length()).isLessThan(1_000);
    }
  }
}
