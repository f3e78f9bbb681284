package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.discovery.Discovery;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestAttribute;

/** RFC 7644 §4 discovery endpoints, per connection. */
@Controller("/scim/v2/{connectionId}")
@Produces(ScimJson.MEDIA_TYPE)
public final class DiscoveryController {

  private final Discovery discovery;
  private final ScimBaseUrl baseUrl;

  public DiscoveryController(Discovery discovery, ScimBaseUrl baseUrl) {
    this.discovery = discovery;
    this.baseUrl = baseUrl;
  }

  @Get("/ServiceProviderConfig")
  public JsonNode serviceProviderConfig(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection) {
    return discovery.serviceProviderConfig(baseUrl.of(connection.id()));
  }

  @Get("/ResourceTypes")
  public JsonNode resourceTypes(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection) {
    return discovery.resourceTypes(baseUrl.of(connection.id()));
  }

  @Get("/ResourceTypes/{id}")
  public JsonNode resourceType(
      @RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection, @PathVariable String id) {
    return discovery.resourceType(id, baseUrl.of(connection.id()));
  }

  @Get("/Schemas")
  public JsonNode schemas(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection) {
    return discovery.schemas(baseUrl.of(connection.id()));
  }

  @Get("/Schemas/{id}")
  public JsonNode schema(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection, @PathVariable String id) {
    return discovery.schema(id, baseUrl.of(connection.id()));
  }
}
