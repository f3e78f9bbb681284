package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminAuthenticator;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Every admin request must carry the deployment's admin token. */
@ServerFilter("/admin/v1/**")
public final class AdminAuthFilter {

  private final AdminAuthenticator authenticator;

  public AdminAuthFilter(AdminAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @RequestFilter
  public void authenticate(HttpRequest<?> request) {
    authenticator.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
  }
}
