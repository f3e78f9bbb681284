package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IdpPreset;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /admin/v1/workspaces/{ws}/connections/{id}/setup}: the IdP-side setup of one
 * connection, with its own SCIM base URL filled in. The secret is never part of it; the guide says
 * where to read it.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/setup")
public final class SetupController {

  private final Connections connections;
  private final ScimBaseUrl scimBaseUrl;

  public SetupController(Connections connections, ScimBaseUrl scimBaseUrl) {
    this.connections = connections;
    this.scimBaseUrl = scimBaseUrl;
  }

  @Get
  public JsonNode setup(String workspaceId, String connectionId) {
    Connection connection = connections.get(workspaceId, connectionId);
    if (connection.isDeleted()) {
      throw new ConflictException("Connection " + connectionId + " is deleted; create a new one to set up an IdP");
    }
    if (connection.type().pull()) {
      throw new ConflictException("Connection " + connectionId + " reads its directory; it has no SCIM setup");
    }
    IdpPreset preset = IdpPreset.of(connection.type());
    String baseUrl = scimBaseUrl.of(connection.id());
    String secretPath = "/admin/v1/workspaces/" + workspaceId + "/connections/" + connectionId + "/secret";
    ObjectNode setup = ScimJson.MAPPER.createObjectNode();
    setup.put("connectionId", connection.id());
    setup.put("type", connection.type().wireName());
    setup.put("typeName", connection.type().displayName());
    setup.put("scimBaseUrl", baseUrl);
    setup.putObject("secret")
        .put("field", preset.secretField())
        .put("read", "GET " + secretPath)
        .put("rotate", "POST /admin/v1/workspaces/" + workspaceId + "/connections/" + connectionId + "/rotate-secret");
    setup.put("baseUrlField", preset.baseUrlField());
    setup.put("loginEmail", preset.loginEmail());
    setup.put("deactivation", preset.deactivation());
    setup.put("deletion", preset.deletion());
    ArrayNode mapping = setup.putArray("mapping");
    preset.mapping().forEach(m -> mapping.addObject().put("scim", m.scimAttribute()).put("idp", m.idpSource()));
    ArrayNode steps = setup.putArray("steps");
    preset.stepsFor(baseUrl, "read it with GET " + secretPath).forEach(steps::add);
    setup.put("guide", "docs/idp/" + connection.type().wireName() + ".md");
    return setup;
  }
}
