package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.AppUsers;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.tags.TagOverview;
import io.micronaut.core.annotation.Nullable;
import dev.scimlambda.problem.InvalidInputException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import dev.scimlambda.deprovisioning.Deprovisioning;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/** {@code /admin/v1/workspaces/{ws}/users} and {@code /tags}: the workspace's people and the tags that drive their access. */
@Controller("/admin/v1/workspaces/{workspaceId}")
public final class AppUserController {

  static final int DEFAULT_PAGE = 50;

  private final AppUsers appUsers;
  private final TagOverview tagOverview;
  private final Deprovisioning deprovisioning;

  public AppUserController(AppUsers appUsers, TagOverview tagOverview, Deprovisioning deprovisioning) {
    this.appUsers = appUsers;
    this.tagOverview = tagOverview;
    this.deprovisioning = deprovisioning;
  }

  /**
   * {@code ?tag=Group:Marketing} lists the users carrying that tag; {@code cursor} is the previous
   * page's {@code nextCursor}. {@code ?email=} finds the one person with that login email.
   */
  @Get("/users")
  public JsonNode list(
      String workspaceId, @Nullable @QueryValue String tag, @Nullable @QueryValue String email,
      @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
    AppUserStore.AppUserPage page = email != null
        ? appUsers.withEmail(workspaceId, email, tag)
        : appUsers.list(workspaceId, tag, cursor, limit == null ? DEFAULT_PAGE : limit);
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

  /**
   * The host app registers a person after their first SSO sign-in: {@code {"email", "firstName"?,
   * "lastName"?, "source": "sso"}}. 201 for a new person; 200 with the existing one when the email
   * is already held, e.g. by a user an IdP provisioned.
   */
  @Post("/users")
  public HttpResponse<JsonNode> register(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    String source = body.string("source").orElse("sso");
    if (!"sso".equals(source)) {
      throw new InvalidInputException("source", "source must be \"sso\"; IdPs provision users through SCIM");
    }
    AppUsers.Registration registration = appUsers.registerSso(workspaceId, body.requiredString("email"),
        body.string("firstName").orElse(null), body.string("lastName").orElse(null));
    JsonNode view = AdminJson.appUser(registration.user());
    return registration.created()
        ? HttpResponse.<JsonNode>status(HttpStatus.CREATED).body(view)
            .header("Location", "/admin/v1/workspaces/" + workspaceId + "/users/" + registration.user().id())
        : HttpResponse.ok(view);
  }

  @Get("/users/{id}")
  public JsonNode get(String workspaceId, String id) {
    return AdminJson.appUser(appUsers.get(workspaceId, id));
  }

  /**
   * Removes the person: their SCIM users (as each IdP's DELETE would), SSO registration, tags and
   * seat; their sessions check invalid at once. An IdP still provisioning them gets 404 on its next
   * update and, as SCIM clients do, creates them again: to keep someone out, unassign them at the IdP.
   */
  @Delete("/users/{id}")
  public HttpResponse<Void> remove(String workspaceId, String id) {
    deprovisioning.removePerson(workspaceId, id);
    return HttpResponse.noContent();
  }

  @Get("/tags")
  public JsonNode tags(String workspaceId) {
    TagOverview.Snapshot overview = tagOverview.of(workspaceId);
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
