package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.resource.ETags;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.query.AttributeList;
import dev.scimlambda.scim.query.Projection;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.ListQuery;
import dev.scimlambda.scim.users.ListResult;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.SearchRequests;
import dev.scimlambda.scim.users.UserListing;
import java.util.List;
import dev.scimlambda.scim.users.UserRepresentation;
import dev.scimlambda.scim.users.Users;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;

/** RFC 7644 §3.3-3.6 on {@code /Users} of the authenticated connection. */
@Controller("/scim/v2/{connectionId}/Users")
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
@Produces(ScimJson.MEDIA_TYPE)
public final class UsersController {


  private final Users users;
  private final UserListing listing;
  private final ScimBaseUrl baseUrl;

  public UsersController(Users users, UserListing listing, ScimBaseUrl baseUrl) {
    this.users = users;
    this.listing = listing;
    this.baseUrl = baseUrl;
  }

  /** RFC 7644 §3.4.2: list and filter. */
  @Get
  public JsonNode list(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @Nullable @QueryValue String filter, @Nullable @QueryValue String sortBy, @Nullable @QueryValue String sortOrder,
      @Nullable @QueryValue String startIndex, @Nullable @QueryValue String count, @Nullable @QueryValue String cursor,
      @Nullable @QueryValue String attributes, @Nullable @QueryValue String excludedAttributes) {
    ListQuery query = new ListQuery(filter, sortBy, sortOrder, QueryParameters.positiveLong("startIndex", startIndex),
        QueryParameters.integer("count", count), cursor, AttributeList.parse(attributes), AttributeList.parse(excludedAttributes));
    return listResponse(connection, query);
  }

  /** RFC 7644 §3.4.3: the same query as a POSTed SearchRequest, keeping filters out of URLs and logs. */
  @Post("/.search")
  public JsonNode search(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection, @Body JsonNode body) {
    return listResponse(connection, SearchRequests.parse(body));
  }

  private JsonNode listResponse(Connection connection, ListQuery query) {
    ListResult result = listing.list(connection.id(), query);
    String base = baseUrl.of(connection.id());
    List<ObjectNode> resources = result.resources().stream()
        .map(user -> Projection.apply(UserRepresentation.of(user, base), ScimSchemas.user(),
            query.attributes(), query.excludedAttributes()))
        .toList();
    ObjectNode response = ScimJson.listResponse(resources);
    response.put("totalResults", result.totalResults());
    response.put("startIndex", result.startIndex());
    if (result.nextCursor() != null) {
      response.put("nextCursor", result.nextCursor());
    }
    return response;
  }

  @Post
  public HttpResponse<JsonNode> create(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @Body JsonNode body) {
    ScimUser user = users.create(connection.id(), body);
    String base = baseUrl.of(connection.id());
    return HttpResponse.<JsonNode>status(HttpStatus.CREATED)
        .body((JsonNode) UserRepresentation.of(user, base))
        .header(HttpHeaders.LOCATION, UserRepresentation.location(base, user.id()))
        .header(HttpHeaders.ETAG, ETags.of(user.version()));
  }

  @Get("/{id}")
  public HttpResponse<JsonNode> get(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Nullable @QueryValue String attributes, @Nullable @QueryValue String excludedAttributes) {
    ScimUser user = users.get(connection.id(), id);
    if (ETags.notModified(ifNoneMatch, user.version())) {
      return HttpResponse.<JsonNode>notModified().header(HttpHeaders.ETAG, ETags.of(user.version()));
    }
    ObjectNode projected = Projection.apply(UserRepresentation.of(user, baseUrl.of(connection.id())), ScimSchemas.user(),
        AttributeList.parse(attributes), AttributeList.parse(excludedAttributes));
    return HttpResponse.<JsonNode>ok(projected).header(HttpHeaders.ETAG, ETags.of(user.version()));
  }

  @Put("/{id}")
  public HttpResponse<JsonNode> replace(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Body JsonNode body, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return represented(connection, users.replace(connection.id(), id, body, ifMatch));
  }

  @Patch("/{id}")
  public HttpResponse<JsonNode> patch(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Body JsonNode body, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return represented(connection, users.patch(connection.id(), id, body, ifMatch));
  }

  @Delete("/{id}")
  public HttpResponse<Void> delete(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    users.delete(connection.id(), id, ifMatch);
    return HttpResponse.noContent();
  }

  private HttpResponse<JsonNode> represented(Connection connection, ScimUser user) {
    return HttpResponse.<JsonNode>ok(UserRepresentation.of(user, baseUrl.of(connection.id())))
        .header(HttpHeaders.ETAG, ETags.of(user.version()));
  }
}
