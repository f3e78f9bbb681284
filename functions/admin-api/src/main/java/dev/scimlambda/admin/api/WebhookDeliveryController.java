package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.events.delivery.Delivery;
import dev.scimlambda.events.delivery.DeliveryAttempt;
import dev.scimlambda.events.delivery.DeliveryHistory;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Locale;

/**
 * {@code /admin/v1/workspaces/{ws}/webhook/deliveries}: the workspace's webhook deliveries, newest
 * first ({@code ?status=}, {@code ?limit=} 1-100, default 50, {@code ?cursor=} from
 * {@code nextCursor}), one delivery with its attempts, and redelivery of one or of every failed
 * delivery since a time.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/webhook/deliveries")
public final class WebhookDeliveryController {

  private final DeliveryHistory history;

  public WebhookDeliveryController(DeliveryHistory history) {
    this.history = history;
  }

  @Get
  public JsonNode list(String workspaceId, @Nullable @QueryValue String status, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    DeliveryHistory.Page page = history.page(workspaceId, status, QueryLimit.parse(limit), cursor);
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode deliveries = body.putArray("deliveries");
    page.deliveries().forEach(d -> deliveries.add(view(d)));
    if (page.nextCursor() == null) {
      body.putNull("nextCursor");
    } else {
      body.put("nextCursor", page.nextCursor());
    }
    return body;
  }

  @Get("/{id}")
  public JsonNode get(String workspaceId, String id) {
    return view(history.get(workspaceId, id));
  }

  @Post("/{id}/redeliver")
  public HttpResponse<JsonNode> redeliver(String workspaceId, String id) {
    return HttpResponse.accepted().body(view(history.redeliver(workspaceId, id)));
  }

  /**
   * {@code {"since": "<ISO instant>", "cursor"?}}: bounded per call; {@code "more": true} says to
   * call again, with the returned {@code cursor} to skip what this call read.
   */
  @Post("/redeliver")
  public HttpResponse<JsonNode> redeliverFailed(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody request = new RequestBody(json);
    String since = request.requiredString("since");
    String cursor = request.string("cursor").orElse(null);
    DeliveryHistory.BulkRedelivery done = history.redeliverFailedSince(workspaceId, since, cursor);
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    body.put("redelivered", done.redelivered());
    body.put("more", done.moreRemain());
    if (done.moreRemain()) {
      body.put("cursor", done.cursor());
    }
    return HttpResponse.accepted().body(body);
  }

  /** Absent rather than null: the console reads a missing statusCode as "no answer came". */
  private static ObjectNode view(Delivery d) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("id", d.id());
    node.put("eventId", d.eventId());
    node.put("type", d.eventType());
    node.put("createdAt", d.createdAt().toString());
    node.put("status", d.status().name().toLowerCase(Locale.ROOT));
    if (!d.outcome().isEmpty()) {
      node.put("outcome", d.outcome());
    }
    ArrayNode attempts = node.putArray("attempts");
    for (DeliveryAttempt a : d.attempts()) {
      ObjectNode attempt = attempts.addObject();
      attempt.put("at", a.at().toString());
      a.statusCode().ifPresent(code -> attempt.put("statusCode", code));
      attempt.put("latencyMs", a.latencyMillis());
      if (!a.error().isEmpty()) {
        attempt.put("error", a.error());
      }
    }
    d.nextAttemptAt().ifPresent(next -> node.put("nextAttemptAt", next.toString()));
    return node;
  }

}
