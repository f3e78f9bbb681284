package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/**
 * Test-only endpoint that returns the JSON body it was sent, so the media-type tests observe body
 * reading and writing without depending on any resource endpoint's semantics.
 */
@Controller("/scim/v2/{connectionId}/Echo")
final class EchoController {

  @Post
  @Consumes({ScimJson.MEDIA_TYPE, "application/json"})
  @Produces(ScimJson.MEDIA_TYPE)
  JsonNode echo(@Body JsonNode body) {
    return body;
  }
}
