package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.runtime.ScimBaseUrl;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.bulk.BulkProcessor;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestAttribute;

/** RFC 7644 §3.7 {@code /Bulk}. */
@Controller("/scim/v2/{connectionId}/Bulk")
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
@Produces(ScimJson.MEDIA_TYPE)
public final class BulkController {

  private final BulkProcessor bulk;
  private final ScimBaseUrl baseUrl;

  public BulkController(BulkProcessor bulk, ScimBaseUrl baseUrl) {
    this.bulk = bulk;
    this.baseUrl = baseUrl;
  }

  @Post
  public JsonNode process(@RequestAttribute(ConnectionAuthFilter.CONNECTION) Connection connection, @Body JsonNode body) {
    return bulk.process(connection.id(), body, baseUrl.of(connection.id()));
  }
}
