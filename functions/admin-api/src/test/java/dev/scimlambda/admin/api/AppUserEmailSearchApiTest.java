package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET …/users?email=}: the admin finds a person by login email, as they would type it. */
class AppUserEmailSearchApiTest extends AdminApiTestBase {

  private String ws;

  @BeforeEach
  void twoPeople() {
    ws = newWorkspace();
    register("ada@example.com");
    register("grace@example.com");
  }

  private void register(String email) {
    assertThat(call("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"" + email + "\",\"source\":\"sso\"}")
        .status()).isEqualTo(201);
  }

  private ApiResult search(String query) {
    return call("GET", "/admin/v1/workspaces/" + ws + "/users?" + query);
  }

  private static String email(String value) {
    return "email=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void findsThePersonWhateverTheCaseAndSurroundingSpaces() {
    JsonNode page = search(email(" Ada@EXAMPLE.com ")).json();

    assertThat(page.get("users")).hasSize(1);
    assertThat(page.at("/users/0/email").asText()).isEqualTo("ada@example.com");
    assertThat(page.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void anEmailNobodyHoldsIsAnEmptyList() {
    ApiResult result = search(email("nobody@example.com"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("users")).isEmpty();
  }

  @Test
  void withATagThePersonIsFoundOnlyIfTheyCarryIt() {
    assertThat(search(email("ada@example.com") + "&tag=Group:Marketing").json().get("users")).isEmpty();
  }

  @Test
  void anEmptyEmailIsRefusedNamingTheField() {
    ApiResult result = search("email=");

    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/field").asText()).isEqualTo("email");
  }
}
