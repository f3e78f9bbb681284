package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkspaceApiTest extends AdminApiTestBase {

  @Test
  void creatingAWorkspaceAnswers201WithItsLocation() {
    ApiResult result = call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme Corp\",\"seatLimit\":25}");
    assertThat(result.status()).isEqualTo(201);
    JsonNode workspace = result.json();
    assertThat(workspace.get("name").asText()).isEqualTo("Acme Corp");
    assertThat(workspace.get("seatLimit").asInt()).isEqualTo(25);
    assertThat(result.header("Location")).isEqualTo("/admin/v1/workspaces/" + workspace.get("id").asText());
  }

  @Test
  void aWorkspaceWithoutSeatLimitIsUnlimitedAndHasDefaultIdentitySettings() {
    JsonNode workspace = call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\"}").json();
    assertThat(workspace.get("seatLimit").isNull()).isTrue();
    assertThat(workspace.get("identitySettings").get("sessionDuration").asText()).isEqualTo("PT24H");
    assertThat(workspace.get("identitySettings").get("revokeSessionsOnDeprovision").asBoolean()).isTrue();
  }

  @Test
  void aChosenIdIsKept() {
    ApiResult result = call("POST", "/admin/v1/workspaces", "{\"id\":\"globex\",\"name\":\"Globex\"}");
    assertThat(result.json().get("id").asText()).isEqualTo("globex");
    assertThat(call("GET", "/admin/v1/workspaces/globex").json().get("name").asText()).isEqualTo("Globex");
  }

  @Test
  void aDuplicateIdIs409() {
    call("POST", "/admin/v1/workspaces", "{\"id\":\"initech\",\"name\":\"Initech\"}");
    ApiResult again = call("POST", "/admin/v1/workspaces", "{\"id\":\"initech\",\"name\":\"Initech 2\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").get("code").asText()).isEqualTo("conflict");
  }

  @Test
  void aMissingNameIs400NamingTheField() {
    ApiResult result = call("POST", "/admin/v1/workspaces", "{\"seatLimit\":3}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("name");
  }

  @Test
  void aSeatLimitThatIsNotAnIntegerIs400NamingTheField() {
    ApiResult result = call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\",\"seatLimit\":\"ten\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("seatLimit");
  }

  @Test
  void aNegativeSeatLimitIs400() {
    assertThat(call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\",\"seatLimit\":-1}").status()).isEqualTo(400);
  }

  @Test
  void anInvalidIdIs400NamingTheField() {
    ApiResult result = call("POST", "/admin/v1/workspaces", "{\"id\":\"Has Spaces\",\"name\":\"Acme\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("id");
  }

  @Test
  void malformedJsonIs400() {
    ApiResult result = call("POST", "/admin/v1/workspaces", "{\"name\":");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("code").asText()).isEqualTo("invalid_input");
  }

  @Test
  void anUnknownWorkspaceIs404() {
    ApiResult result = call("GET", "/admin/v1/workspaces/nope");
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.json().get("error").get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void theListContainsCreatedWorkspaces() {
    String id = newWorkspace();
    JsonNode list = call("GET", "/admin/v1/workspaces").json().get("workspaces");
    assertThat(list.findValuesAsText("id")).contains(id);
  }

  @Test
  void patchChangesOnlyTheFieldsSent() {
    String id = call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\",\"seatLimit\":10}").json().get("id").asText();
    JsonNode changed = call("PATCH", "/admin/v1/workspaces/" + id, "{\"sessionDuration\":\"PT8H\"}").json();
    assertThat(changed.get("identitySettings").get("sessionDuration").asText()).isEqualTo("PT8H");
    assertThat(changed.get("seatLimit").asInt()).isEqualTo(10);
    assertThat(changed.get("name").asText()).isEqualTo("Acme");
  }

  @Test
  void patchWithNullSeatLimitMakesSeatsUnlimited() {
    String id = call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\",\"seatLimit\":10}").json().get("id").asText();
    JsonNode changed = call("PATCH", "/admin/v1/workspaces/" + id, "{\"seatLimit\":null}").json();
    assertThat(changed.get("seatLimit").isNull()).isTrue();
  }

  @Test
  void forcingReauthenticationInvalidatesSessionsIssuedBeforeNow() {
    String id = newWorkspace();
    Instant before = Instant.now();
    JsonNode changed = call("PATCH", "/admin/v1/workspaces/" + id, "{\"forceReauthentication\":true}").json();
    Instant validAfter = Instant.parse(changed.get("identitySettings").get("sessionsValidAfter").asText());
    assertThat(validAfter).isAfterOrEqualTo(before.minusSeconds(1));
  }

  @Test
  void aSessionDurationOutsideTheAllowedRangeIs400NamingTheField() {
    ApiResult result = call("PATCH", "/admin/v1/workspaces/" + newWorkspace(), "{\"sessionDuration\":\"PT1M\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("sessionDuration");
  }

  @Test
  void aSessionDurationThatIsNotADurationIs400() {
    ApiResult result = call("PATCH", "/admin/v1/workspaces/" + newWorkspace(), "{\"sessionDuration\":\"8 hours\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("field").asText()).isEqualTo("sessionDuration");
  }

  @Test
  void withoutTheAdminTokenEveryRouteIs401() {
    ApiResult result = ApiCall.of("GET", "/admin/v1/workspaces").invoke(handler);
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void aWrongAdminTokenIs401() {
    assertThat(ApiCall.of("GET", "/admin/v1/workspaces").bearer("guess").invoke(handler).status()).isEqualTo(401);
  }
}
