package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.GroupListing;
import dev.scimlambda.scim.groups.GroupRepresentation;
import dev.scimlambda.scim.groups.GroupView;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.query.AttributeList;
import dev.scimlambda.scim.query.Projection;
import dev.scimlambda.scim.resource.ETags;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.listing.ListQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestAttribute;
import java.util.List;

/**
 * RFC 7644 §3.3-3.6 on {@code /Groups} of the authenticated connection. Members are read only when
 * the response shows them: {@code excludedAttributes=members} costs one read per group.
 */
@Controller("/scim/v2/{connectionId}/Groups")
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
@Produces(ScimJson.MEDIA_TYPE)
public final class GroupsController extends ScimResourceEndpoint {

  private static final ResourceSchema SCHEMA = ScimSchemas.group();

  private final Groups groups;
  private final GroupListing listing;
  private final ScimBaseUrl baseUrl;

  public GroupsController(Groups groups, GroupListing listing, ScimBaseUrl baseUrl) {
    this.groups = groups;
    this.listing = listing;
    this.baseUrl = baseUrl;
  }

  @Override
  protected JsonNode listResponse(Connection connection, ListQuery query) {
    String base = baseUrl.of(connection.id());
    boolean withMembers = ScimResponses.shows("members", SCHEMA, query.attributes(), query.excludedAttributes());
    return ScimResponses.listResponse(listing.list(connection.id(), query, base), query, SCHEMA,
        group -> GroupRepresentation.of(group, withMembers ? groups.members(connection.id(), group.id()) : null, base));
  }

  @Post
  public HttpResponse<JsonNode> create(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @Body JsonNode body) {
    GroupView created = groups.create(connection.id(), body);
    String base = baseUrl.of(connection.id());
    return ScimResponses.created(GroupRepresentation.of(created, base),
        GroupRepresentation.location(base, created.group().id()), created.group().version());
  }

  @Get("/{id}")
  public HttpResponse<JsonNode> get(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      HttpRequest<?> request) {
    ScimGroup group = groups.get(connection.id(), id);
    if (ETags.notModified(ifNoneMatch, group.version())) {
      return ScimResponses.notModified(group.version());
    }
    return projected(connection, group, SentQuery.of(request));
  }

  @Put("/{id}")
  public HttpResponse<JsonNode> replace(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Body JsonNode body, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    GroupView replaced = groups.replace(connection.id(), id, body, ifMatch);
    String base = baseUrl.of(connection.id());
    return ScimResponses.ok(GroupRepresentation.of(replaced, base), GroupRepresentation.location(base, id),
        replaced.group().version());
  }

  /**
   * 204 with the new ETag (RFC 7644 §3.5.2 allows it): answering with the whole group would read
   * every member back after each member change. With {@code attributes} or
   * {@code excludedAttributes} the group is returned, projected, with 200.
   */
  @Patch("/{id}")
  public HttpResponse<JsonNode> patch(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Body JsonNode body, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
      HttpRequest<?> request) {
    ScimGroup group = groups.patch(connection.id(), id, body, ifMatch);
    SentQuery query = SentQuery.of(request);
    if (query.get("attributes") == null && query.get("excludedAttributes") == null) {
      return ScimResponses.noContent(GroupRepresentation.location(baseUrl.of(connection.id()), id), group.version());
    }
    return projected(connection, group, query);
  }

  @Override
  protected void remove(String connectionId, String id, String ifMatch) {
    groups.delete(connectionId, id, ifMatch);
  }

  private HttpResponse<JsonNode> projected(Connection connection, ScimGroup group, SentQuery query) {
    List<String> named = AttributeList.parse(query.get("attributes"));
    List<String> excluded = AttributeList.parse(query.get("excludedAttributes"));
    boolean withMembers = ScimResponses.shows("members", SCHEMA, named, excluded);
    GroupView view = new GroupView(group, withMembers ? groups.members(connection.id(), group.id()) : null);
    String base = baseUrl.of(connection.id());
    return ScimResponses.ok(Projection.apply(GroupRepresentation.of(view, base), SCHEMA, named, excluded),
        GroupRepresentation.location(base, group.id()), group.version());
  }
}
