package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server-owned attributes as RFC 7644 defines them: filters and sortBy see {@code id} and
 * {@code meta} as the representation shows them, malformed filters are 400 invalidFilter in this
 * service's words, and every single-resource answer carries {@code Location} = {@code meta.location}.
 */
class RepresentedAttributesTest extends ScimTestConnections {

  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static IssuedConnection connection;
  private static final List<String> ids = new ArrayList<>();
  private static String groupId;

  @BeforeAll
  static void directory() throws InterruptedException {
    connection = newConnection();
    for (String name : List.of("first@example.com", "second@example.com", "third@example.com")) {
      ids.add(createUser(connection, userJson(name)));
      Thread.sleep(5); // distinct meta.created and meta.lastModified
    }
    groupId = call(connection, "POST", "/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Pilots\"}")
        .json().get("id").asText();
  }

  private static JsonNode list(String resource, String filter) {
    ApiResult result = call(connection, "GET", resource + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result.json();
  }

  private static List<String> idsOf(JsonNode list) {
    List<String> found = new ArrayList<>();
    list.get("Resources").forEach(resource -> found.add(resource.get("id").asText()));
    return found;
  }

  private static JsonNode user(String id) {
    return get(connection, "/Users/" + id).json();
  }

  @Test
  void idEqFindsTheUserAndTheGroup() {
    assertThat(idsOf(list("/Users", "id eq \"" + ids.get(1) + "\""))).containsExactly(ids.get(1));
    assertThat(idsOf(list("/Groups", "id eq \"" + groupId + "\""))).containsExactly(groupId);
  }

  @Test
  void idEqAndedWithAnotherTermIsEvaluatedOnTheRepresentation() {
    assertThat(idsOf(list("/Users", "id eq \"" + ids.get(0) + "\" and userName eq \"first@example.com\"")))
        .containsExactly(ids.get(0));
    assertThat(idsOf(list("/Users", "id eq \"" + ids.get(0) + "\" and userName eq \"second@example.com\""))).isEmpty();
  }

  /** The users' ids by meta.lastModified, oldest first (other tests here modify users). */
  private static List<String> byLastModified() {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(java.util.Comparator.comparing(id -> java.time.Instant.parse(user(id).get("meta").get("lastModified").asText())));
    return sorted;
  }

  @Test
  void metaLastModifiedGreaterThanSelectsTheLaterUsers() {
    List<String> oldestFirst = byLastModified();
    String oldest = user(oldestFirst.get(0)).get("meta").get("lastModified").asText();
    assertThat(idsOf(list("/Users", "meta.lastModified gt \"" + oldest + "\"")))
        .containsExactlyInAnyOrderElementsOf(oldestFirst.subList(1, 3));
  }

  @Test
  void metaCreatedPresentAndResourceTypeMatchEveryUser() {
    assertThat(idsOf(list("/Users", "meta.created pr"))).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(idsOf(list("/Users", "meta.resourceType eq \"User\""))).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(idsOf(list("/Groups", "meta.resourceType eq \"Group\""))).containsExactly(groupId);
  }

  @Test
  void metaLocationAndVersionCanBeFiltered() {
    JsonNode meta = user(ids.get(2)).get("meta");
    assertThat(idsOf(list("/Users", "meta.location eq \"" + meta.get("location").asText() + "\""))).containsExactly(ids.get(2));
    assertThat(idsOf(list("/Users", "meta.location ew \"/Users/" + ids.get(2) + "\""))).containsExactly(ids.get(2));
  }

  @Test
  void sortByMetaLastModifiedOrdersByTime() {
    List<String> newestFirst = new ArrayList<>(byLastModified());
    java.util.Collections.reverse(newestFirst);
    ApiResult descending = call(connection, "GET", "/Users?sortBy=meta.lastModified&sortOrder=descending", null);
    assertThat(idsOf(descending.json())).containsExactlyElementsOf(newestFirst);
    ApiResult ascending = call(connection, "GET", "/Users?sortBy=meta.created", null);
    assertThat(idsOf(ascending.json())).containsExactly(ids.get(0), ids.get(1), ids.get(2));
  }

  @Test
  void anUnclosedBracketIs400InvalidFilter() {
    ApiResult result = call(connection, "GET", "/Users?filter=" + URLEncoder.encode("emails[type eq \"work\"", StandardCharsets.UTF_8), null);
    assertThat(result.status()).as(result.toString()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidFilter");
    assertThat(result.json().get("detail").asText()).contains("unclosed '['");
  }

  @Test
  void anUnquotedValueIs400InvalidFilterInOurWords() {
    ApiResult result = call(connection, "GET", "/Users?filter=" + URLEncoder.encode("userName eq bjensen", StandardCharsets.UTF_8), null);
    assertThat(result.status()).as(result.toString()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidFilter");
    String detail = result.json().get("detail").asText();
    assertThat(detail).contains("quoted string").doesNotContain("JSON").doesNotContain("token").doesNotContain("Source")
        .doesNotContain("bjensen");
  }

  @Test
  void everySingleUserAnswerCarriesItsLocation() {
    String id = ids.get(0);
    String location = user(id).get("meta").get("location").asText();
    assertThat(get(connection, "/Users/" + id).header("Location")).isEqualTo(location);
    assertThat(get(connection, "/Users/" + id + "?attributes=userName").header("Location")).isEqualTo(location);
    assertThat(call(connection, "PUT", "/Users/" + id, userJson("first@example.com")).header("Location")).isEqualTo(location);
    ApiResult patched = call(connection, "PATCH", "/Users/" + id,
        "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("Location")).isEqualTo(location);
  }

  @Test
  void everySingleGroupAnswerCarriesItsLocation() {
    String location = get(connection, "/Groups/" + groupId).json().get("meta").get("location").asText();
    assertThat(location).endsWith("/Groups/" + groupId);
    assertThat(get(connection, "/Groups/" + groupId).header("Location")).isEqualTo(location);
    assertThat(call(connection, "PUT", "/Groups/" + groupId, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Pilots\"}")
        .header("Location")).isEqualTo(location);
    ApiResult patched = call(connection, "PATCH", "/Groups/" + groupId,
        "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"p-1\"}]}");
    assertThat(patched.status()).isEqualTo(204);
    assertThat(patched.header("Location")).isEqualTo(location);
  }

  @Test
  void aStartIndexFarBeyondTheEndIsAnEmptyPage() {
    ApiResult result = call(connection, "GET", "/Users?startIndex=2147483647&count=10", null);
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    assertThat(result.json().get("Resources")).isEmpty();
    assertThat(result.json().get("totalResults").asInt()).isEqualTo(3);
  }
}
