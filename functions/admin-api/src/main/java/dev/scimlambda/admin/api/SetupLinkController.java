package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.admin.SetupLinks;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/**
 * {@code POST /admin/v1/workspaces/{ws}/setup-links} {@code {"expiresInMinutes"?}}: the operator
 * mints a single-use link that signs its opener into the console for this workspace only. The
 * token rides in the query string, which neither API Gateway's access log nor our request log records.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/setup-links")
public final class SetupLinkController {

  private final SetupLinks links;
  private final Workspaces workspaces;
  private final Settings settings;

  public SetupLinkController(SetupLinks links, Workspaces workspaces, Settings settings) {
    this.links = links;
    this.workspaces = workspaces;
    this.settings = settings;
  }

  @Post
  public HttpResponse<JsonNode> mint(String workspaceId, @Nullable @Body JsonNode body) {
    workspaces.get(workspaceId);
    SetupLinks.Minted minted = links.mint(workspaceId, minutes(body));
    ObjectNode answer = ScimJson.MAPPER.createObjectNode();
    answer.put("url", settings.require(Setting.PUBLIC_BASE_URL) + SetupLinkRedemption.PATH + "?token=" + minted.token());
    answer.put("expiresAt", minted.expiresAt().toString());
    return HttpResponse.created((JsonNode) answer);
  }

  private static Integer minutes(JsonNode body) {
    JsonNode minutes = body == null ? null : body.get("expiresInMinutes");
    if (minutes == null || minutes.isNull()) {
      return null;
    }
    if (!minutes.canConvertToInt() || !minutes.isIntegralNumber()) {
      throw new InvalidInputException("expiresInMinutes", "expiresInMinutes must be a whole number of minutes");
    }
    return minutes.intValue();
  }
}
