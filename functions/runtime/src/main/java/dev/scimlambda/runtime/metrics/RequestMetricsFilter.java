package dev.scimlambda.runtime.metrics;

import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.ScimRequestKind;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Ends every HTTP invocation of the SCIM and admin functions: counts a SCIM request by endpoint,
 * operation and status class, then writes the invocation's metrics. It runs on the response the
 * client gets, errors and refusals by earlier filters included.
 */
@ServerFilter("/**")
public final class RequestMetricsFilter implements Ordered {

  static final String SCIM_PREFIX = "/scim/v2/";

  private final InvocationMetrics metrics;

  public RequestMetricsFilter(InvocationMetrics metrics) {
    this.metrics = metrics;
  }

  @ResponseFilter
  public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
    try {
      String path = request.getPath();
      if (path.startsWith(SCIM_PREFIX)) {
        // After the connection's id: the SCIM path proper, e.g. /Users/2819c223.
        int slash = path.indexOf('/', SCIM_PREFIX.length());
        ScimRequestKind kind = ScimRequestKind.of(request.getMethodName(), slash < 0 ? "" : path.substring(slash));
        metrics.increment(OperationalMetric.SCIM_REQUESTS,
            kind.resource(), kind.operation(), ScimRequestKind.statusClass(response.code()));
      }
    } finally {
      metrics.flush();
    }
  }

  /** First in, so last out: its response part sees the response every other filter settled. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
