package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.access.ConnectionAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;

/**
 * {@code /admin/v1/workspaces/{ws}/connections/{id}/access}: the IdP groups whose members may use
 * the app ({@code {"groups": ["Engineering"]}}; empty: everyone the connection provisions).
 */
@Controller("/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/access")
public final class ConnectionAccessController {

  private final ConnectionAccess access;

  public ConnectionAccessController(ConnectionAccess access) {
    this.access = access;
  }

  @Get
  public JsonNode get(String workspaceId, String connectionId) {
    return AdminJson.accessGroups(access.get(workspaceId, connectionId));
  }

  /** Replaces the list; the connection's existing users are re-evaluated in the background. */
  @Put
  public JsonNode put(String workspaceId, String connectionId, @Nullable @Body JsonNode json) {
    return AdminJson.accessGroups(access.set(workspaceId, connectionId, new RequestBody(json).requiredStrings("groups")));
  }
}
