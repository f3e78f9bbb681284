package dev.scimlambda.scim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.query.Projection;
import dev.scimlambda.scim.resource.ETags;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.listing.ListResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What the resource controllers share: list queries from parameters, ListResponses, projections and ETags. */
final class ScimResponses {

  private ScimResponses() {}

  /** RFC 7644 §3.4.2 ListResponse of one page, each resource represented and projected. */
  static <R> ObjectNode listResponse(ListResult<R> result, ListQuery query, ResourceSchema schema,
      Function<R, ObjectNode> represent) {
    List<ObjectNode> resources = result.resources().stream()
        .map(resource -> Projection.apply(represent.apply(resource), schema, query.attributes(), query.excludedAttributes()))
        .toList();
    ObjectNode response = ScimJson.listResponse(resources);
    response.put("totalResults", result.totalResults());
    response.put("startIndex", result.startIndex());
    if (result.nextCursor() != null) {
      response.put("nextCursor", result.nextCursor());
    }
    return response;
  }

  /**
   * Whether a response projected with these parameters carries the (default-returned) attribute,
   * so an attribute that costs reads is read only when it is shown.
   */
  static boolean shows(String attribute, ResourceSchema schema, List<String> attributes, List<String> excluded) {
    String core = schema.core().id().toLowerCase(Locale.ROOT) + ":";
    String name = attribute.toLowerCase(Locale.ROOT);
    for (String path : excluded) {
      if (relative(path, core).equals(name)) {
        return false;
      }
    }
    if (attributes.isEmpty()) {
      return true;
    }
    for (String path : attributes) {
      String relative = relative(path, core);
      if (relative.equals(name) || relative.startsWith(name + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(String path, String core) {
    String lower = path.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith(core) ? lower.substring(core.length()) : lower;
  }

  /**
   * A single resource's answer: its ETag, and its {@code meta.location} as {@code Location} on
   * every single-resource response (GET, PUT, PATCH as well as POST), which clients such as
   * Apache SCIMple's compliance suite expect; sent whatever the projection left of the body.
   */
  static HttpResponse<JsonNode> ok(ObjectNode body, String location, long version) {
    return HttpResponse.<JsonNode>ok(body).header(HttpHeaders.LOCATION, location).header(HttpHeaders.ETAG, ETags.of(version));
  }

  /** A PATCH answered without a body (RFC 7644 §3.5.2): the ETag and the location. */
  static HttpResponse<JsonNode> noContent(String location, long version) {
    return HttpResponse.<JsonNode>status(HttpStatus.NO_CONTENT)
        .header(HttpHeaders.LOCATION, location)
        .header(HttpHeaders.ETAG, ETags.of(version));
  }

  static HttpResponse<JsonNode> created(ObjectNode body, String location, long version) {
    return HttpResponse.<JsonNode>status(HttpStatus.CREATED)
        .body((JsonNode) body)
        .header(HttpHeaders.LOCATION, location)
        .header(HttpHeaders.ETAG, ETags.of(version));
  }

  static HttpResponse<JsonNode> notModified(long version) {
    return HttpResponse.<JsonNode>notModified().header(HttpHeaders.ETAG, ETags.of(version));
  }
}
