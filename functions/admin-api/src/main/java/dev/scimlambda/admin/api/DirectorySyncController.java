package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.directorysync.ConnectionSyncState;
import dev.scimlambda.directorysync.DirectoryGroup;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.DirectorySyncStore;
import dev.scimlambda.directorysync.GroupSelection;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code …/connections/{connectionId}/…} of pull connections (docs/directory-sync.md): replacing
 * credentials, the group selection and schedule, the directory's groups to choose from, Sync now,
 * and the run history.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/connections/{connectionId}")
public final class DirectorySyncController {

  /** A group id is at most this long; Graph's are 36 characters, Okta's 20, Google's about 20. */
  private static final int MAX_GROUP_ID = 256;

  private final DirectorySyncConnections directorySync;

  public DirectorySyncController(DirectorySyncConnections directorySync) {
    this.directorySync = directorySync;
  }

  /** Write-only: the credentials are stored and never shown again. */
  @Put("/credentials")
  public HttpResponse<Void> replaceCredentials(String workspaceId, String connectionId, @Nullable @Body JsonNode json) {
    directorySync.replaceCredentials(workspaceId, connectionId, json);
    return HttpResponse.noContent();
  }

  @Put("/directory-sync")
  public JsonNode settings(String workspaceId, String connectionId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    Optional<GroupSelection> selection = json != null && json.has("groups")
        ? Optional.of(selection(json.get("groups"))) : Optional.empty();
    ConnectionSyncState state = directorySync.changeSettings(workspaceId, connectionId, selection,
        body.duration("syncInterval"));
    return AdminJson.directorySync(state, directorySync.get(workspaceId, connectionId).lastRun());
  }

  /** Read live; the provider's refusal is 424, any other failure of the directory 502, in its words. */
  @Get("/directory-groups")
  public HttpResponse<JsonNode> directoryGroups(String workspaceId, String connectionId,
      @Nullable @QueryValue String search) {
    List<DirectoryGroup> found;
    try {
      found = directorySync.findGroups(workspaceId, connectionId, search);
    } catch (DirectoryProviderException e) {
      boolean refused = e instanceof DirectoryProviderException.CredentialsRefused;
      ObjectNode error = ScimJson.MAPPER.createObjectNode();
      error.putObject("error")
          .put("status", refused ? 424 : 502)
          .put("code", refused ? "credentials_refused" : "directory_error")
          .put("message", e.providerMessage());
      return HttpResponse.<JsonNode>status(refused ? HttpStatus.FAILED_DEPENDENCY : HttpStatus.BAD_GATEWAY).body(error);
    }
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode groups = body.putArray("groups");
    found.forEach(g -> groups.addObject().put("id", g.providerId()).put("displayName", g.displayName()));
    return HttpResponse.ok(body);
  }

  /** 202 with the run; a run already running is answered instead of starting a second. */
  @Post("/sync")
  public HttpResponse<JsonNode> syncNow(String workspaceId, String connectionId, @Nullable @QueryValue String kind) {
    boolean full;
    if (kind == null) {
      full = false;
    } else if (kind.equals("full") || kind.equals("incremental")) {
      full = kind.equals("full");
    } else {
      throw new InvalidInputException("kind", "kind must be full or incremental");
    }
    SyncRun run = directorySync.syncNow(workspaceId, connectionId, full);
    return HttpResponse.<JsonNode>status(HttpStatus.ACCEPTED).body((JsonNode) AdminJson.syncRun(run))
        .header("Location", "/admin/v1/workspaces/" + workspaceId + "/connections/" + connectionId + "/sync-runs/"
            + run.id());
  }

  @Get("/sync-runs")
  public JsonNode runs(String workspaceId, String connectionId, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    if (cursor != null && cursor.length() > 64) {
      throw new InvalidInputException("cursor", "cursor is not one this API returned");
    }
    DirectorySyncStore.RunPage page = directorySync.runs(workspaceId, connectionId, cursor, QueryLimit.parse(limit));
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode runs = body.putArray("runs");
    page.runs().forEach(r -> runs.add(AdminJson.syncRun(r)));
    if (page.nextCursor() == null) {
      body.putNull("nextCursor");
    } else {
      body.put("nextCursor", page.nextCursor());
    }
    return body;
  }

  @Get("/sync-runs/{runId}")
  public JsonNode run(String workspaceId, String connectionId, String runId) {
    if (runId.length() > 64) {
      throw new InvalidInputException("runId", "runId is not one this API returned");
    }
    return AdminJson.syncRun(directorySync.run(workspaceId, connectionId, runId));
  }

  /** {@code "all"} (or absent), or an array of 1 to 50 directory group ids. */
  static GroupSelection selection(JsonNode groups) {
    if (groups == null || groups.isNull() || groups.isTextual() && groups.asText().equals("all")) {
      return GroupSelection.all();
    }
    if (!groups.isArray()) {
      throw new InvalidInputException("groups", "groups must be \"all\" or an array of group ids");
    }
    if (groups.isEmpty() || groups.size() > GroupSelection.MAX_GROUPS) {
      throw new InvalidInputException("groups", "select between 1 and " + GroupSelection.MAX_GROUPS + " groups, or all");
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode id : groups) {
      if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_GROUP_ID) {
        throw new InvalidInputException("groups", "each group id must be a non-empty string of at most "
            + MAX_GROUP_ID + " characters");
      }
      ids.add(id.asText());
    }
    return new GroupSelection(ids);
  }
}
