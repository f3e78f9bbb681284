package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.seats.SeatUsage;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.Workspace;
import dev.scimlambda.workspace.WorkspaceChanges;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import dev.scimlambda.admin.AdminPrincipal;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import dev.scimlambda.deprovisioning.WorkspacePurge;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import java.time.Duration;
import java.util.Optional;

/** {@code /admin/v1/workspaces}: create, list, read and change workspaces and their identity settings. */
@Controller("/admin/v1/workspaces")
public final class WorkspaceController {

  private final Workspaces workspaces;
  private final SeatLedger seats;
  private final WorkspacePurge purge;

  public WorkspaceController(Workspaces workspaces, SeatLedger seats, WorkspacePurge purge) {
    this.purge = purge;
    this.workspaces = workspaces;
    this.seats = seats;
  }

  /** The workspace with its seats in use, which the admin weighs against the limit. */
  private ObjectNode view(Workspace workspace) {
    ObjectNode node = AdminJson.workspace(workspace);
    SeatUsage usage = seats.usage(workspace.id());
    ObjectNode view = node.putObject("seats");
    view.put("used", usage.used()).set("limit", node.get("seatLimit"));
    view.put("lastReconciledAt", usage.lastReconciledAt() == null ? null : usage.lastReconciledAt().toString());
    view.put("lastDrift", usage.lastDrift());
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

  /** The workspaces the caller administers: all of them for the operator, its claim's for a JWT. */
  @Get
  public JsonNode list(HttpRequest<?> request) {
    AdminPrincipal principal = AdminAuthFilter.principal(request);
    ObjectNode page = ScimJson.MAPPER.createObjectNode();
    ArrayNode items = page.putArray("workspaces");
    workspaces.list().stream().filter(w -> principal.administers(w.id())).forEach(w -> items.add(view(w)));
    return page;
  }

  /**
   * Purges the workspace: its connections' tokens are refused from the first call, then every secret
   * and item goes. 204 when nothing is left; 202 with progress when the call's time ran out first,
   * and the same DELETE goes on; 404 for an unknown (or already purged) workspace.
   */
  @Delete("/{workspaceId}")
  public HttpResponse<JsonNode> purge(String workspaceId) {
    WorkspacePurge.Progress progress = purge.purge(workspaceId);
    if (progress.finished()) {
      return HttpResponse.noContent();
    }
    return HttpResponse.<JsonNode>status(HttpStatus.ACCEPTED).body(ScimJson.MAPPER.createObjectNode()
        .put("status", "purging")
        .put("itemsDeleted", progress.itemsDeleted())
        .put("detail", "repeat this DELETE to go on purging the workspace"));
  }

  @Get("/{workspaceId}")
  public JsonNode get(String workspaceId) {
    return view(workspaces.get(workspaceId));
  }

  /**
   * Absent fields stay as they are; {@code "seatLimit": null} means unlimited. The session duration
   * is {@code sessionDuration} (ISO-8601) or {@code sessionDurationHours}, as the host app's
   * settings page words it; giving both is ambiguous.
   */
  @Patch("/{workspaceId}")
  public JsonNode change(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    WorkspaceChanges changes =
        new WorkspaceChanges(
            body.string("name"),
            body.has("seatLimit") ? Optional.of(body.integer("seatLimit")) : Optional.empty(),
            sessionDuration(body),
            body.bool("revokeSessionsOnDeprovision"),
            body.bool("forceReauthentication").orElse(false));
    return view(workspaces.change(workspaceId, changes));
  }

  private static Optional<Duration> sessionDuration(RequestBody body) {
    Optional<Duration> iso = body.duration("sessionDuration");
    Optional<Duration> hours = body.integer("sessionDurationHours").map(Duration::ofHours);
    if (iso.isPresent() && hours.isPresent()) {
      throw new InvalidInputException("sessionDurationHours", "give sessionDuration or sessionDurationHours, not both");
    }
    return iso.isPresent() ? iso : hours;
  }
}
