package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.deprovisioning.Deprovisioning;
import dev.scimlambda.directorysync.ConnectionSyncState;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Duration;
import java.util.Optional;

/** {@code /admin/v1/workspaces/{ws}/connections}: directory connections and their secrets. */
@Controller("/admin/v1/workspaces/{workspaceId}/connections")
public final class ConnectionController {

  private final Connections connections;
  private final Deprovisioning deprovisioning;
  private final ScimBaseUrl scimBaseUrl;
  private final DirectorySyncConnections directorySync;

  public ConnectionController(Connections connections, Deprovisioning deprovisioning, ScimBaseUrl scimBaseUrl,
      DirectorySyncConnections directorySync) {
    this.connections = connections;
    this.deprovisioning = deprovisioning;
    this.scimBaseUrl = scimBaseUrl;
    this.directorySync = directorySync;
  }

  /**
   * The response is the one place, besides {@code /secret}, where the bearer secret is shown. A
   * pull type (docs/directory-sync.md) takes {@code credentials}, {@code groups} and {@code
   * syncInterval} instead, and its first run starts at once.
   */
  @Post
  public HttpResponse<JsonNode> create(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    String type = body.requiredString("type");
    Optional<DirectoryKind> pullKind = DirectoryKind.of(Connections.type(type));
    if (pullKind.isPresent()) {
      DirectorySyncConnections.PullConnection created = directorySync.create(workspaceId, body.requiredString("name"),
          pullKind.get(), json.get("credentials"), DirectorySyncController.selection(json.get("groups")),
          body.duration("syncInterval").orElse(ConnectionSyncState.DEFAULT_INTERVAL));
      return HttpResponse.<JsonNode>status(HttpStatus.CREATED)
          .body((JsonNode) AdminJson.pullConnection(created))
          .header("Location", "/admin/v1/workspaces/" + workspaceId + "/connections/" + created.connection().id());
    }
    IssuedConnection issued = connections.create(workspaceId, body.requiredString("name"), type);
    return HttpResponse.<JsonNode>status(HttpStatus.CREATED)
        .body((JsonNode) withSecret(issued))
        .header("Location", "/admin/v1/workspaces/" + workspaceId + "/connections/" + issued.connection().id());
  }

  @Get
  public JsonNode list(String workspaceId) {
    ObjectNode page = ScimJson.MAPPER.createObjectNode();
    ArrayNode items = page.putArray("connections");
    connections.list(workspaceId).forEach(c -> items.add(anyView(c)));
    return page;
  }

  @Get("/{connectionId}")
  public JsonNode get(String workspaceId, String connectionId) {
    return anyView(connections.get(workspaceId, connectionId));
  }

  @Get("/{connectionId}/secret")
  public JsonNode secret(String workspaceId, String connectionId) {
    return ScimJson.MAPPER.createObjectNode().put("bearerToken", connections.revealSecret(workspaceId, connectionId));
  }

  /**
   * Issues a new secret. {@code ?gracePeriod=PT1H} sets how long the old one keeps working (the
   * configured default otherwise; {@code PT0S} revokes it at once). A query parameter rather than a
   * body, because the API Gateway proxy rejects a POST without body whenever the route binds one.
   */
  @Post("/{connectionId}/rotate-secret")
  public JsonNode rotateSecret(String workspaceId, String connectionId, @Nullable @QueryValue String gracePeriod) {
    Optional<Duration> grace = Optional.ofNullable(gracePeriod).map(text -> RequestBody.parseDuration("gracePeriod", text));
    return withSecret(connections.rotateSecret(workspaceId, connectionId, grace));
  }

  /**
   * Revokes the secret at once and, unless {@code ?deprovision=false}, removes the connection's
   * users as its IdP's DELETE would: 204 when all are removed; 202 with progress when the call's
   * time ran out first, and the same DELETE goes on. With {@code deprovision=false} the people keep
   * their access and seats through the deleted connection's identities until removed one by one.
   */
  @Delete("/{connectionId}")
  public HttpResponse<JsonNode> delete(String workspaceId, String connectionId,
      @Nullable @QueryValue String deprovision) {
    Deprovisioning.ConnectionRemoval removal =
        deprovisioning.deleteConnection(workspaceId, connectionId, deprovisionFlag(deprovision));
    if (connections.get(workspaceId, connectionId).type().pull()) {
      directorySync.forget(connectionId);
    }
    if (removal.finished()) {
      return HttpResponse.noContent();
    }
    return HttpResponse.<JsonNode>status(HttpStatus.ACCEPTED).body(ScimJson.MAPPER.createObjectNode()
        .put("status", "deprovisioning")
        .put("usersRemoved", removal.usersRemoved())
        .put("detail", "repeat this DELETE to go on removing the connection's users"));
  }

  private static boolean deprovisionFlag(String text) {
    if (text == null || text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw new InvalidInputException("deprovision", "deprovision must be true or false");
  }

  private ObjectNode anyView(Connection connection) {
    return directorySync.find(connection).map(AdminJson::pullConnection).orElseGet(() -> view(connection));
  }

  private ObjectNode view(Connection connection) {
    return AdminJson.connection(connection, scimBaseUrl.of(connection.id()));
  }

  private ObjectNode withSecret(IssuedConnection issued) {
    return view(issued.connection()).put("bearerToken", issued.bearerToken());
  }
}
