package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.audit.AuditTrail;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * {@code GET /admin/v1/workspaces/{ws}/audit}: the workspace's admin writes and secret reveals,
 * newest first, {@code ?limit=} (1-100, default 50), {@code ?cursor=} from the previous page. Read
 * only: the API has no way to change or remove an entry.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/audit")
public final class AuditController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private final AuditTrail trail;
  private final Workspaces workspaces;

  public AuditController(AuditTrail trail, Workspaces workspaces) {
    this.trail = trail;
    this.workspaces = workspaces;
  }

  @Get
  public JsonNode list(String workspaceId, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
    workspaces.get(workspaceId);
    AuditTrail.Page page = trail.newestFirst(workspaceId, limit(limit), cursor == null || cursor.isBlank() ? null : cursor);
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode entries = body.putArray("entries");
    page.entries().forEach(e -> entries.add(view(e)));
    if (page.nextCursor() == null) {
      body.putNull("nextCursor");
    } else {
      body.put("nextCursor", page.nextCursor());
    }
    return body;
  }

  private static ObjectNode view(AuditEntry e) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("at", e.at().toString());
    node.put("actor", e.actor());
    node.put("action", e.action());
    node.put("target", e.target());
    node.put("sourceIp", e.sourceIp());
    node.put("userAgent", e.userAgent());
    return node;
  }

  private static int limit(String limit) {
    Integer n = QueryLimit.parse(limit);
    if (n == null) {
      return DEFAULT_LIMIT;
    }
    if (n < 1 || n > MAX_LIMIT) {
      throw new InvalidInputException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
    return n;
  }
}
