package dev.scimlambda.scim.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.activity.Redaction;
import dev.scimlambda.activity.ScimOperation;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.scim.resource.ETags;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every authenticated SCIM request in its connection's activity log, failures included,
 * with one PutItem after the response is decided. Recording is best effort: a failed write is
 * logged and the IdP still gets its answer. Unauthenticated requests are not recorded, so nobody
 * without a connection's secret can write to its log.
 */
@ServerFilter("/scim/v2/**")
public final class ActivityRecordingFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ActivityRecordingFilter.class);
  private static final String STARTED = "scim.activity.started";
  private static final String PREFIX = "/scim/v2/";
  private static final int MAX_USER_AGENT = 200;

  private final ActivityStore store;
  private final Clock clock;

  public ActivityRecordingFilter(ActivityStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @RequestFilter
  public void start(HttpRequest<?> request) {
    request.setAttribute(STARTED, clock.instant());
  }

  @ResponseFilter
  public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Connection connection = request.getAttribute(ConnectionAuthFilter.CONNECTION, Connection.class).orElse(null);
    if (connection == null) {
      return;
    }
    try {
      store.record(entry(connection, request, response));
    } catch (RuntimeException e) {
      // Class only: a store exception may quote the item, which holds customer data.
      LOG.warn("activity of connection {} not recorded: {}", connection.id(), e.getClass().getName());
    }
  }

  private ActivityEntry entry(Connection connection, HttpRequest<?> request, MutableHttpResponse<?> response) {
    Instant started = request.getAttribute(STARTED, Instant.class).orElseGet(clock::instant);
    String path = request.getPath().substring(PREFIX.length() + connection.id().length());
    ScimOperation operation = ScimOperation.of(request.getMethodName(), path);
    int status = response.code();
    JsonNode error = status >= 400 ? response.getBody(JsonNode.class).orElse(null) : null;
    String detail = error == null || !error.hasNonNull("detail") ? null : Redaction.detail(error.get("detail").asText());
    if (operation.name().equals("bulk") && status < 400) {
      detail = response.getBody(JsonNode.class).map(ActivityRecordingFilter::bulkSummary).orElse(null);
    }
    String resourceId = operation.resourceId();
    if (resourceId == null && status == 201) {
      resourceId = lastSegment(response.getHeaders().get(HttpHeaders.LOCATION));
    }
    OptionalLong version = operation.read() || status >= 400
        ? OptionalLong.empty() : ETags.version(response.getHeaders().get(HttpHeaders.ETAG));
    return new ActivityEntry(
        connection.id(),
        requestId(request),
        started,
        request.getMethodName(),
        operation.name(),
        operation.resourceType(),
        resourceId,
        status,
        error == null || !error.hasNonNull("scimType") ? null : error.get("scimType").asText(),
        detail,
        Duration.between(started, clock.instant()).toMillis(),
        userAgent(request),
        version.isPresent() ? version.getAsLong() : null,
        null);
  }

  /** A bulk request is one entry; its detail counts the operations that failed inside it, if any did. */
  private static String bulkSummary(JsonNode bulkResponse) {
    JsonNode operations = bulkResponse.path("Operations");
    int failed = 0;
    for (JsonNode operation : operations) {
      if (operation.path("status").asInt(0) >= 400) {
        failed++;
      }
    }
    return failed == 0 ? null : failed + " of " + operations.size() + " operations failed";
  }

  /** API Gateway's request id, so an entry can be found in the gateway's and the function's logs. */
  private static String requestId(HttpRequest<?> request) {
    if (request instanceof ServletHttpRequest<?, ?> servlet
        && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
        && event.getRequestContext() != null
        && event.getRequestContext().getRequestId() != null) {
      return event.getRequestContext().getRequestId();
    }
    return UUID.randomUUID().toString();
  }

  private static String userAgent(HttpRequest<?> request) {
    String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
    return agent == null || agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
  }

  private static String lastSegment(String location) {
    return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
  }
}
