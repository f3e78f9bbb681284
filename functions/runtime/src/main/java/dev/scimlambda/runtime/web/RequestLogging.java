package dev.scimlambda.runtime.web;

import dev.scimlambda.activity.ScimOperation;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.runtime.logging.LogFields;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an API function sets what its log lines carry (see {@link LogFields}) and logs each
 * request once when it completes: INFO, or WARN with the exception for a 5xx. It runs first on the
 * way in, so every later line of the request has the fields, and last on the way out, where it clears
 * them: Lambda runs the next invocation on the same thread.
 *
 * <p>The Lambda request id is already in the MDC: Micronaut's handler puts it there from the
 * invocation's Context before the request reaches any filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestLogging implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLogging.class);
  /** The exception behind an error response, set where Micronaut hands it over (FrameworkErrorResponses). */
  static final String FAILURE = "scim.logging.failure";
  private static final String STARTED = "scim.logging.started";
  private static final String SCIM = "/scim/v2/";
  private static final String ADMIN = "/admin/v1/";

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @RequestFilter
  public void open(HttpRequest<?> request) {
    request.setAttribute(STARTED, System.nanoTime());
    LogFields.put(LogFields.API_REQUEST_ID, ApiGatewayRequestId.of(request));
    String path = request.getPath();
    if (path.startsWith(SCIM)) {
      String rest = path.substring(SCIM.length());
      int slash = rest.indexOf('/');
      // The connection the path names; its workspace is only known once the secret matched it.
      LogFields.put(LogFields.CONNECTION_ID, slash < 0 ? rest : rest.substring(0, slash));
      LogFields.put(LogFields.OPERATION, ScimOperation.of(request.getMethodName(), slash < 0 ? "" : rest.substring(slash)).name());
    } else if (path.startsWith(ADMIN)) {
      LogFields.put(LogFields.WORKSPACE_ID, segmentAfter(path, "/workspaces/"));
      LogFields.put(LogFields.CONNECTION_ID, segmentAfter(path, "/connections/"));
    }
  }

  @ResponseFilter
  public void complete(HttpRequest<?> request, MutableHttpResponse<?> response) {
    try {
      request.getAttribute(RequestAttributes.CONNECTION, Connection.class).ifPresent(connection -> {
        LogFields.put(LogFields.WORKSPACE_ID, connection.workspaceId());
        LogFields.put(LogFields.CONNECTION_ID, connection.id());
      });
      if (!request.getPath().startsWith(SCIM)) {
        // The route's template, not the path: paths carry ids, the template names the endpoint.
        LogFields.put(LogFields.OPERATION, request.getMethodName() + " " + routeTemplate(request));
      }
      int status = response.code();
      long latencyMs = request.getAttribute(STARTED, Long.class).map(t -> (System.nanoTime() - t) / 1_000_000).orElse(0L);
      LogFields.put(LogFields.STATUS, Integer.toString(status));
      LogFields.put(LogFields.LATENCY_MS, Long.toString(latencyMs));
      if (status >= 500) {
        Throwable failure = RouteAttributes.getException(response)
            .or(() -> request.getAttribute(FAILURE, Throwable.class)).orElse(null);
        if (failure == null) {
          LOG.warn("request completed: {} {}", status, LogFields.get(LogFields.OPERATION));
        } else {
          LOG.warn("request completed: {} {}", status, LogFields.get(LogFields.OPERATION), failure);
        }
      } else {
        LOG.info("request completed: {} {}", status, LogFields.get(LogFields.OPERATION));
      }
    } finally {
      LogFields.clear();
    }
  }

  private static String routeTemplate(HttpRequest<?> request) {
    return RouteAttributes.getRouteMatch(request)
        .filter(UriRouteMatch.class::isInstance)
        .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
        .or(() -> RouteAttributes.getRouteInfo(request)
            .filter(UriRouteInfo.class::isInstance)
            .map(route -> ((UriRouteInfo<?, ?>) route).getUriMatchTemplate().toPathString()))
        .orElse("unrouted");
  }

  private static String segmentAfter(String path, String marker) {
    int at = path.indexOf(marker);
    if (at < 0) {
      return null;
    }
    String rest = path.substring(at + marker.length());
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    return segment.isEmpty() ? null : segment;
  }
}
