package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.query.AttributeList;
import dev.scimlambda.scim.query.Projection;
import dev.scimlambda.scim.resource.ETags;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserListing;
import dev.scimlambda.scim.users.UserRepresentation;
import dev.scimlambda.scim.users.Users;
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

/** RFC 7644 §3.3-3.6 on {@code /Users} of the authenticated connection. */
@Controller("/scim/v2/{connectionId}/Users")
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
@Produces(ScimJson.MEDIA_TYPE)
public final class UsersController extends ScimResourceEndpoint {

  private static final ResourceSchema SCHEMA = ScimSchemas.user();

  private final Users users;
  private final UserListing listing;
  private final ScimBaseUrl baseUrl;

  public UsersController(Users users, UserListing listing, ScimBaseUrl baseUrl) {
    this.users = users;
    this.listing = listing;
    this.baseUrl = baseUrl;
  }

  @Override
  protected JsonNode listResponse(Connection connection, ListQuery query) {
    String base = baseUrl.of(connection.id());
    return ScimResponses.listResponse(listing.list(connection.id(), query, base), query, SCHEMA,
        user -> UserRepresentation.of(user, base));
  }

  @Post
  public HttpResponse<JsonNode> create(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @Body JsonNode body) {
    ScimUser user = users.create(connection.id(), body);
    String base = baseUrl.of(connection.id());
    return ScimResponses.created(UserRepresentation.of(user, base), UserRepresentation.location(base, user.id()),
        user.version());
  }

  /** The user with its read-only {@code groups} (direct and nested memberships), unless the projection leaves them out. */
  @Get("/{id}")
  public HttpResponse<JsonNode> get(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      HttpRequest<?> request) {
    SentQuery query = SentQuery.of(request);
    List<String> named = AttributeList.parse(query.get("attributes"));
    List<String> excluded = AttributeList.parse(query.get("excludedAttributes"));
    String base = baseUrl.of(connection.id());
    boolean withGroups = ScimResponses.shows("groups", SCHEMA, named, excluded);
    ScimUser user;
    ObjectNode representation;
    if (withGroups && ifNoneMatch == null) {
      Users.UserWithGroups read = users.getWithGroups(connection.id(), id);
      user = read.user();
      representation = UserRepresentation.of(user, base, read.groups());
    } else {
      // A conditional GET most often ends in 304, which needs no groups: read them only when shown.
      user = users.get(connection.id(), id);
      if (ETags.notModified(ifNoneMatch, user.version())) {
        return ScimResponses.notModified(user.version());
      }
      representation = withGroups
          ? UserRepresentation.of(user, base, users.groups(connection.id(), id))
          : UserRepresentation.of(user, base);
    }
    return ScimResponses.ok(Projection.apply(representation, SCHEMA, named, excluded),
        UserRepresentation.location(base, user.id()), user.version());
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

  @Override
  protected void remove(String connectionId, String id, String ifMatch) {
    users.delete(connectionId, id, ifMatch);
  }

  private HttpResponse<JsonNode> represented(Connection connection, ScimUser user) {
    String base = baseUrl.of(connection.id());
    return ScimResponses.ok(UserRepresentation.of(user, base), UserRepresentation.location(base, user.id()), user.version());
  }
}
