package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.listing.SearchRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;

/**
 * The routes /Users and /Groups answer alike: RFC 7644 §3.4.2 list and filter, §3.4.3 the same
 * query POSTed as a SearchRequest, §3.6 delete. Each endpoint says how its resources are listed,
 * represented and deleted, and adds the routes where users and groups differ (a group's members are
 * read only when shown; a member change answers 204).
 */
public abstract class ScimResourceEndpoint {

  /** RFC 7644 §3.4.2: list and filter. */
  @Get
  public JsonNode list(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      HttpRequest<?> request) {
    return listResponse(connection, ListParameters.of(SentQuery.of(request)).toQuery());
  }

  /** RFC 7644 §3.4.3: the same query as a POSTed SearchRequest, keeping filters out of URLs and logs. */
  @Post("/.search")
  public JsonNode search(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection, @Body JsonNode body) {
    return listResponse(connection, SearchRequests.parse(body));
  }

  @Delete("/{id}")
  public HttpResponse<Void> delete(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection,
      @PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    remove(connection.id(), id, ifMatch);
    return HttpResponse.noContent();
  }

  /** The page of the connection's resources the query asks for, as a ListResponse. */
  protected abstract JsonNode listResponse(Connection connection, ListQuery query);

  /** Deletes the resource; {@code ifMatch} null for any version. */
  protected abstract void remove(String connectionId, String id, String ifMatch);
}
