package dev.scimlambda.scim.api;

import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a body over the advertised maximum (ServiceProviderConfig {@code bulk.maxPayloadSize})
 * with 413 before anything parses it, and before any other work is spent on the request.
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
    if (length > maxPayloadSize) {
      throw new ScimException(413, null,
          "The request body is " + length + " bytes; the maximum is " + maxPayloadSize + " bytes");
    }
  }

  /** Before authentication: an oversized body is refused without a database read. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
