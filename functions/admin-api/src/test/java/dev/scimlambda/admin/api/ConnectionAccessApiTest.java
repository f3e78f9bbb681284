package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionAccessApiTest extends AdminApiTestBase {

  private static String accessPath(String ws) {
    String id = call("POST", "/admin/v1/workspaces/" + ws + "/connections", "{\"name\":\"Okta\",\"type\":\"okta\"}")
        .json().get("id").asText();
    return "/admin/v1/workspaces/" + ws + "/connections/" + id + "/access";
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  @Test
  void aNewConnectionGrantsEveryoneAccess() {
    JsonNode access = call("GET", accessPath(newWorkspace())).json();
    assertThat(access.get("restricted").asBoolean()).isFalse();
    assertThat(access.get("groups")).isEmpty();
    assertThat(access.get("updatedAt").isNull()).isTrue();
  }

  @Test
  void theAccessGroupsAreKeptAsWrittenWithoutDuplicatesAndReadBack() {
    String path = accessPath(newWorkspace());
    ApiResult saved = call("PUT", path, "{\"groups\":[\" Engineering \",\"Sales\",\"engineering\"]}");

    assertThat(saved.status()).isEqualTo(200);
    JsonNode read = call("GET", path).json();
    assertThat(texts(read.get("groups"))).containsExactly("Engineering", "Sales");
    assertThat(read.get("restricted").asBoolean()).isTrue();
    assertThat(read.get("updatedAt").isNull()).isFalse();
  }

  @Test
  void anEmptyListLiftsTheRestriction() {
    String path = accessPath(newWorkspace());
    call("PUT", path, "{\"groups\":[\"Engineering\"]}");
    JsonNode cleared = call("PUT", path, "{\"groups\":[]}").json();
    assertThat(cleared.get("restricted").asBoolean()).isFalse();
  }

  @Test
  void namesNoGroupOfTheConnectionHasAreListedAsUnmatched() {
    JsonNode saved = call("PUT", accessPath(newWorkspace()), "{\"groups\":[\"Engineering\"]}").json();
    assertThat(texts(saved.get("unmatched"))).containsExactly("Engineering");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"groups\":\"Engineering\"}", "{\"groups\":[1]}", "{\"groups\":[\"\"]}",
      "{\"groups\":[\"  \"]}", "{\"groups\":null}", "[]"})
  void aMalformedListIs400NamingTheField(String body) {
    ApiResult result = call("PUT", accessPath(newWorkspace()), body);
    assertThat(result.status()).as(body).isEqualTo(400);
    if (body.startsWith("{")) {
      assertThat(result.json().get("error").get("field").asText()).isEqualTo("groups");
    }
  }

  @Test
  void tooLongANameOrTooManyGroupsIs400() {
    String path = accessPath(newWorkspace());
    assertThat(call("PUT", path, "{\"groups\":[\"" + "x".repeat(257) + "\"]}").status()).isEqualTo(400);
    String many = IntStream.range(0, 101).mapToObj(i -> "\"g" + i + "\"").collect(Collectors.joining(","));
    assertThat(call("PUT", path, "{\"groups\":[" + many + "]}").status()).isEqualTo(400);
  }

  @Test
  void anUnknownConnectionIs404AndADeletedOne409() {
    String ws = newWorkspace();
    assertThat(call("GET", "/admin/v1/workspaces/" + ws + "/connections/nope/access").status()).isEqualTo(404);
    assertThat(call("PUT", "/admin/v1/workspaces/" + ws + "/connections/nope/access", "{\"groups\":[]}").status())
        .isEqualTo(404);
    String path = accessPath(ws);
    call("DELETE", path.substring(0, path.length() - "/access".length()));
    assertThat(call("PUT", path, "{\"groups\":[\"Engineering\"]}").status()).isEqualTo(409);
  }

  @Test
  void aConnectionOfAnotherWorkspaceIsNotFound() {
    String path = accessPath(newWorkspace());
    String elsewhere = path.replaceFirst("/workspaces/[^/]+/", "/workspaces/" + newWorkspace() + "/");
    assertThat(call("GET", elsewhere).status()).isEqualTo(404);
  }
}
