package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminAuthenticator;
import dev.scimlambda.admin.AdminPrincipal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Every admin request must carry the operator token or a workspace admin's JWT, and a workspace
 * admin reaches only the routes {@link AdminRoute} opens to it, for the workspaces its claim lists.
 */
@ServerFilter("/admin/v1/**")
public final class AdminAuthFilter {

  static final String PRINCIPAL = "scim.admin.principal";

  private final AdminAuthenticator authenticator;

  public AdminAuthFilter(AdminAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @RequestFilter
  public void authenticate(HttpRequest<?> request) {
    AdminPrincipal principal = authenticator.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    request.setAttribute(PRINCIPAL, principal);
    RouteAttributes.getRouteMatch(request)
        .filter(UriRouteMatch.class::isInstance)
        .map(UriRouteMatch.class::cast)
        .ifPresent(match -> authorize(principal, match));
  }

  private static void authorize(AdminPrincipal principal, UriRouteMatch<?, ?> match) {
    String template = match.getRouteInfo().getUriMatchTemplate().toString();
    Object workspace = match.getVariableValues().get(AdminRoute.WORKSPACE_VARIABLE);
    AdminRoute.of(match.getHttpMethod(), template)
        .ifPresentOrElse(
            route -> route.authorize(principal, workspace == null ? null : workspace.toString()),
            // Unclassified: only the operator, until someone decides who else may call it.
            principal::requireOperator);
  }

  /** The caller the filter authenticated. */
  static AdminPrincipal principal(HttpRequest<?> request) {
    return request.getAttribute(PRINCIPAL, AdminPrincipal.class).orElseThrow();
  }
}
