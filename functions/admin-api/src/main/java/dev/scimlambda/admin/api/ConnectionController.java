package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
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
  private final ScimBaseUrl scimBaseUrl;

  public ConnectionController(Connections connections, ScimBaseUrl scimBaseUrl) {
    this.connections = connections;
    this.scimBaseUrl = scimBaseUrl;
  }

  /** The response is the one place, besides {@code /secret}, where the bearer secret is shown. */
  @Post
  public HttpResponse<JsonNode> create(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    IssuedConnection issued = connections.create(workspaceId, body.requiredString("name"), body.requiredString("type"));
    return HttpResponse.<JsonNode>status(HttpStatus.CREATED)
        .body((JsonNode) withSecret(issued))
        .header("Location", "/admin/v1/workspaces/" + workspaceId + "/connections/" + issued.connection().id());
  }

  @Get
  public JsonNode list(String workspaceId) {
    ObjectNode page = ScimJson.MAPPER.createObjectNode();
    ArrayNode items = page.putArray("connections");
    connections.list(workspaceId).forEach(c -> items.add(view(c)));
    return page;
  }

  @Get("/{connectionId}")
  public JsonNode get(String workspaceId, String connectionId) {
    return view(connections.get(workspaceId, connectionId));
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

  @Delete("/{connectionId}")
  public HttpResponse<Void> delete(String workspaceId, String connectionId) {
    connections.delete(workspaceId, connectionId);
    return HttpResponse.noContent();
  }

  private ObjectNode view(Connection connection) {
    return AdminJson.connection(connection, scimBaseUrl.of(connection.id()));
  }

  private ObjectNode withSecret(IssuedConnection issued) {
    return view(issued.connection()).put("bearerToken", issued.bearerToken());
  }
}
