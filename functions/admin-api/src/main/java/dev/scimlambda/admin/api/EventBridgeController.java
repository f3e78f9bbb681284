package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Optional;

/**
 * {@code /admin/v1/workspaces/{ws}/eventbridge}: whether this deployment publishes directory events
 * to an EventBridge bus, and the rule pattern that selects this workspace's events there. The bus
 * is the operator's, one per stage; a workspace admin needs only the pattern for their own rule.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/eventbridge")
public final class EventBridgeController {

  private final Workspaces workspaces;
  private final Settings settings;

  public EventBridgeController(Workspaces workspaces, Settings settings) {
    this.workspaces = workspaces;
    this.settings = settings;
  }

  /** {@code {"enabled", "eventBusName", "source", "eventPattern"}}; 404 for an unknown workspace. */
  @Get
  public JsonNode status(String workspaceId) {
    workspaces.get(workspaceId);
    Optional<String> bus = settings.optional(Setting.EVENT_BUS_NAME);
    String source = DirectoryEvent.source(settings.stage());
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    body.put("enabled", bus.isPresent());
    bus.ifPresentOrElse(name -> body.put("eventBusName", name), () -> body.putNull("eventBusName"));
    body.put("source", source);
    ObjectNode pattern = body.putObject("eventPattern");
    pattern.putArray("source").add(source);
    pattern.putObject("detail").putArray("workspaceid").add(workspaceId);
    return body;
  }
}
