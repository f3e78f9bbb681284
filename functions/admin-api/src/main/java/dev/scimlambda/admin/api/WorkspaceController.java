package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.SeatLedger;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.Workspace;
import dev.scimlambda.workspace.WorkspaceChanges;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import java.util.Optional;

/** {@code /admin/v1/workspaces}: create, list, read and change workspaces and their identity settings. */
@Controller("/admin/v1/workspaces")
public final class WorkspaceController {

  private final Workspaces workspaces;
  private final SeatLedger seats;

  public WorkspaceController(Workspaces workspaces, SeatLedger seats) {
    this.workspaces = workspaces;
    this.seats = seats;
  }

  /** The workspace with its seats in use, which the admin weighs against the limit. */
  private ObjectNode view(Workspace workspace) {
    ObjectNode node = AdminJson.workspace(workspace);
    node.putObject("seats").put("used", seats.usage(workspace.id()).used()).set("limit", node.get("seatLimit"));
    return node;
  }

  @Post
  public HttpResponse<JsonNode> create(@Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    Workspace created =
        workspaces.create(body.string("id"), body.requiredString("name"), body.integer("seatLimit").orElse(null));
    return HttpResponse.<JsonNode>status(HttpStatus.CREATED)
        .body((JsonNode) view(created))
        .header("Location", "/admin/v1/workspaces/" + created.id());
  }

  @Get
  public JsonNode list() {
    ObjectNode page = ScimJson.MAPPER.createObjectNode();
    ArrayNode items = page.putArray("workspaces");
    workspaces.list().forEach(w -> items.add(view(w)));
    return page;
  }

  @Get("/{workspaceId}")
  public JsonNode get(String workspaceId) {
    return view(workspaces.get(workspaceId));
  }

  /** Absent fields stay as they are; {@code "seatLimit": null} means unlimited. */
  @Patch("/{workspaceId}")
  public JsonNode change(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    WorkspaceChanges changes =
        new WorkspaceChanges(
            body.string("name"),
            body.has("seatLimit") ? Optional.of(body.integer("seatLimit")) : Optional.empty(),
            body.duration("sessionDuration"),
            body.bool("revokeSessionsOnDeprovision"),
            body.bool("forceReauthentication").orElse(false));
    return view(workspaces.change(workspaceId, changes));
  }
}
