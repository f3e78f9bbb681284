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

class UsersListTest extends ScimTestConnections {

  private static IssuedConnection connection;

  private static String user(String userName, String title, String workEmail, String externalId) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\",\"title\":\""
        + title + "\",\"externalId\":\"" + externalId + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + workEmail
        + "\"},{\"type\":\"home\",\"value\":\"home-" + workEmail + "\"}]}";
  }

  @BeforeAll
  static void directory() {
    connection = newConnection();
    for (int i = 0; i < 12; i++) {
      createUser(connection, user("user" + (char) ('a' + i) + "@example.com", i % 2 == 0 ? "Engineer" : "Designer",
          "u" + i + "@work.example.com", "ext-" + i));
    }
  }

  private static JsonNode list(String query) {
    ApiResult result = call(connection, "GET", "/Users?" + query, null);
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result.json();
  }

  private static String filter(String filter) {
    return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static List<String> userNames(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("Resources").forEach(u -> names.add(u.get("userName").asText()));
    return names;
  }

  @Test
  void anAbsentUserNameIsAnEmptyListResponseNotA404() {
    JsonNode list = list(filter("userName eq \"nobody@example.com\"") + "&startIndex=1&count=100");
    assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(list.get("totalResults").asInt()).isZero();
    assertThat(list.get("Resources")).isEmpty();
  }

  @Test
  void userNameEqualityIsCaseInsensitive() {
    assertThat(userNames(list(filter("userName eq \"USERC@example.com\"")))).containsExactly("userc@example.com");
  }

  @Test
  void externalIdEqualityFindsTheUser() {
    assertThat(userNames(list(filter("externalId eq \"ext-3\"")))).containsExactly("userd@example.com");
  }

  @Test
  void emailValueEqualityFindsTheUser() {
    assertThat(userNames(list(filter("emails.value eq \"u4@work.example.com\"")))).containsExactly("usere@example.com");
  }

  @Test
  void aWorkEmailFilterMatchesOnlyWorkEmails() {
    assertThat(userNames(list(filter("emails[type eq \"work\"].value eq \"u5@work.example.com\""))))
        .containsExactly("userf@example.com");
    assertThat(list(filter("emails[type eq \"work\"].value eq \"home-u5@work.example.com\"")).get("totalResults").asInt())
        .isZero();
  }

  @Test
  void otherFiltersAreEvaluatedOverTheDirectory() {
    JsonNode list = list(filter("title eq \"designer\" and not (userName sw \"userb\")"));
    assertThat(list.get("totalResults").asInt()).isEqualTo(5);
    assertThat(userNames(list)).doesNotContain("userb@example.com");
  }

  @Test
  void anInvalidFilterIs400InvalidFilter() {
    ApiResult result = call(connection, "GET", "/Users?" + filter("userName eq"), null);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidFilter");
  }

  @Test
  void pagesByStartIndexVisitEveryUserOnceWithIntegerCounts() {
    List<String> seen = new ArrayList<>();
    for (int start = 1; start <= 12; start += 5) {
      JsonNode page = list("startIndex=" + start + "&count=5");
      assertThat(page.get("totalResults").isIntegralNumber()).isTrue();
      assertThat(page.get("totalResults").asInt()).isEqualTo(12);
      assertThat(page.get("startIndex").asInt()).isEqualTo(start);
      assertThat(page.get("itemsPerPage").asInt()).isEqualTo(page.get("Resources").size());
      seen.addAll(userNames(page));
    }
    assertThat(seen).hasSize(12).doesNotHaveDuplicates();
  }

  @Test
  void filteredPagesVisitEveryMatchOnce() {
    List<String> seen = new ArrayList<>();
    for (int start = 1; start <= 6; start += 4) {
      JsonNode page = list(filter("title eq \"Engineer\"") + "&startIndex=" + start + "&count=4");
      assertThat(page.get("totalResults").asInt()).isEqualTo(6);
      seen.addAll(userNames(page));
    }
    assertThat(seen).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void cursorsWalkEveryUserOnce() {
    List<String> seen = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = list("count=5&cursor=" + cursor);
      seen.addAll(userNames(page));
      cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(seen).hasSize(12).doesNotHaveDuplicates();
  }

  @Test
  void aForgedCursorIs400InvalidCursor() {
    ApiResult result = call(connection, "GET", "/Users?count=5&cursor=bm90LWEtY3Vyc29y", null);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidCursor");
  }

  @Test
  void sortByOrdersTheResults() {
    List<String> names = userNames(list("sortBy=userName&sortOrder=descending&count=3"));
    assertThat(names).containsExactly("userl@example.com", "userk@example.com", "userj@example.com");
  }

  @Test
  void attributesLimitTheRepresentationToWhatWasAskedPlusId() {
    JsonNode first = list("attributes=userName&count=1").get("Resources").get(0);
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).contains("id", "userName").doesNotContain("emails", "title", "meta");
  }

  @Test
  void excludedAttributesDropThoseAttributes() {
    JsonNode first = list("excludedAttributes=emails&count=1").get("Resources").get(0);
    assertThat(first.has("emails")).isFalse();
    assertThat(first.has("userName")).isTrue();
  }

  @Test
  void aSearchRequestAnswersLikeTheQuery() {
    ApiResult result = call(connection, "POST", "/Users/.search", """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
         "filter":"userName eq \\"usera@example.com\\"","attributes":["userName"]}""");
    assertThat(result.status()).isEqualTo(200);
    assertThat(userNames(result.json())).containsExactly("usera@example.com");
  }
}
