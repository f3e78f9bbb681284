package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.TestStack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a workspace admin is told about EventBridge: on or off, and the rule pattern for their events. */
class EventBridgeStatusTest extends AdminApiTestBase {

  @Test
  void withoutABusPublishingIsOffAndTheSourceIsTheLocalStage() {
    String ws = newWorkspace();

    JsonNode status = call("GET", "/admin/v1/workspaces/" + ws + "/eventbridge").json();

    assertThat(status.get("enabled").asBoolean()).isFalse();
    assertThat(status.get("eventBusName").isNull()).isTrue();
    assertThat(status.get("source").asText()).isEqualTo("scim-lambda.local");
  }

  @Test
  void withABusTheStatusNamesItAndThePatternSelectsOnlyThisWorkspacesEventsOfThisStage() {
    try (TestStack prod = TestStack.start(Map.of(
        Setting.EVENT_BUS_NAME.property(), "acme-directory", Setting.STAGE.property(), "prod"))) {
      AdminApiHandler admin = new AdminApiHandler(prod.context());
      String ws = ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN).json("{\"name\":\"Acme\"}")
          .invoke(admin).json().get("id").asText();

      JsonNode status = ApiCall.of("GET", "/admin/v1/workspaces/" + ws + "/eventbridge").bearer(TestStack.ADMIN_TOKEN)
          .invoke(admin).json();

      assertThat(status.get("enabled").asBoolean()).isTrue();
      assertThat(status.get("eventBusName").asText()).isEqualTo("acme-directory");
      assertThat(status.get("eventPattern").toString())
          .isEqualTo("{\"source\":[\"scim-lambda.prod\"],\"detail\":{\"workspaceid\":[\"" + ws + "\"]}}");
    }
  }

  @Test
  void anUnknownWorkspaceIsNotFound() {
    assertThat(call("GET", "/admin/v1/workspaces/ws_unknown/eventbridge").status()).isEqualTo(404);
  }
}
