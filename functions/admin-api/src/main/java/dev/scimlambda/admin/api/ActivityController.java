package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.activity.ActivityLog;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * {@code /admin/v1/workspaces/{ws}/connections/{id}/activity}: the connection's SCIM requests,
 * newest first, {@code ?limit=} (1-100, default 50) per page, {@code ?cursor=} from the previous
 * page's {@code nextCursor}, {@code ?outcome=failure} (or {@code success}) to see only those.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/activity")
public final class ActivityController {

  private final ActivityLog activity;

  public ActivityController(ActivityLog activity) {
    this.activity = activity;
  }

  @Get
  public JsonNode list(String workspaceId, String connectionId, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor, @Nullable @QueryValue String outcome) {
    ActivityLog.Page page = activity.page(workspaceId, connectionId, QueryLimit.parse(limit), cursor, outcome);
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode entries = body.putArray("activity");
    page.entries().forEach(entry -> entries.add(AdminJson.activity(entry)));
    if (page.nextCursor() == null) {
      body.putNull("nextCursor");
    } else {
      body.put("nextCursor", page.nextCursor());
    }
    return body;
  }

}
