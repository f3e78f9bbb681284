package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.AppUsers;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/** {@code /admin/v1/workspaces/{ws}/users} and {@code /tags}: the workspace's people and the tags that drive their access. */
@Controller("/admin/v1/workspaces/{workspaceId}")
public final class AppUserController {

  static final int DEFAULT_PAGE = 50;

  private final AppUsers appUsers;

  public AppUserController(AppUsers appUsers) {
    this.appUsers = appUsers;
  }

  /** {@code ?tag=Group:Marketing} lists the users carrying that tag; {@code cursor} is the previous page's {@code nextCursor}. */
  @Get("/users")
  public JsonNode list(
      String workspaceId, @Nullable @QueryValue String tag, @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    AppUserStore.AppUserPage page =
        appUsers.list(workspaceId, tag, cursor, limit == null ? DEFAULT_PAGE : limit);
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode users = body.putArray("users");
    page.users().forEach(u -> users.add(AdminJson.appUser(u)));
    if (page.lastId() == null) {
      body.putNull("nextCursor");
    } else {
      body.put("nextCursor", page.lastId());
    }
    return body;
  }

  @Get("/users/{id}")
  public JsonNode get(String workspaceId, String id) {
    return AdminJson.appUser(appUsers.get(workspaceId, id));
  }

  @Get("/tags")
  public JsonNode tags(String workspaceId) {
    AppUsers.TagOverview overview = appUsers.tags(workspaceId);
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode tags = body.putArray("tags");
    overview.tags().forEach(t -> tags.addObject().put("tag", t.tag()).put("members", t.members()));
    ArrayNode refreshing = body.putArray("refreshing");
    overview.refreshing().forEach(job -> refreshing.addObject()
        .put("connectionId", job.connectionId())
        .put("groupId", job.groupId())
        .put("membersDone", job.processed())
        .put("startedAt", job.startedAt().toString()));
    return body;
  }
}
