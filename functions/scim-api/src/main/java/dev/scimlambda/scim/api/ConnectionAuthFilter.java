package dev.scimlambda.scim.api;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionAuthenticator;
import dev.scimlambda.runtime.web.RequestAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every SCIM request must carry its connection's bearer secret; the authenticated connection is
 * handed to the controllers as a request attribute, never re-derived from the path.
 */
@ServerFilter("/scim/v2/**")
public final class ConnectionAuthFilter {

  static final String CONNECTION = RequestAttributes.CONNECTION;
  private static final String PREFIX = "/scim/v2/";

  private final ConnectionAuthenticator authenticator;

  public ConnectionAuthFilter(ConnectionAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @RequestFilter
  public void authenticate(HttpRequest<?> request) {
    String rest = request.getPath().substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String connectionId = slash < 0 ? rest : rest.substring(0, slash);
    Connection connection =
        authenticator.authenticate(connectionId, request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    request.setAttribute(CONNECTION, connection);
  }
}
