package dev.scimlambda.scim.api;

import dev.scimlambda.problem.RequestTooLargeException;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a body over the advertised maximum (ServiceProviderConfig {@code bulk.maxPayloadSize})
 * with 413 before anything parses it, and before any other work is spent on the request.
 *
 * <p>The body's own length decides, not only {@code Content-Length}: a chunked request has none
 * (issue 15: a chunked 1.5 MiB user was created). In Lambda the whole body arrives in the event, so
 * its length is known before it is read; the embedded stack's gateway caps what it reads as API
 * Gateway does.
 */
@ServerFilter("/scim/v2/**")
public final class PayloadLimitFilter implements Ordered {

  private final long maxPayloadSize;

  public PayloadLimitFilter(ScimCapabilities capabilities) {
    this.maxPayloadSize = capabilities.maxPayloadSize();
  }

  @RequestFilter
  public void limit(HttpRequest<?> request) {
    long length = request.getContentLength();
    if (length < 0 && request instanceof ServerHttpRequest<?> server) {
      length = server.byteBody().expectedLength().orElse(-1);
    }
    if (length > maxPayloadSize) {
      throw new RequestTooLargeException("The request body is " + length + " bytes; the maximum is " + maxPayloadSize + " bytes");
    }
  }

  /** Before authentication: an oversized body is refused without a database read. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
