package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminAuthenticator;
import dev.scimlambda.admin.AdminPrincipal;
import dev.scimlambda.admin.SetupLinks;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Every admin request must carry the operator token, a workspace admin's JWT or a setup link's
 * session cookie, and a workspace
 * admin reaches only the routes {@link AdminRoute} opens to it, for the workspaces its claim lists.
 */
@ServerFilter("/admin/v1/**")
public final class AdminAuthFilter {

  static final String PRINCIPAL = "scim.admin.principal";

  private final AdminAuthenticator authenticator;
  private final SetupLinks setupLinks;

  public AdminAuthFilter(AdminAuthenticator authenticator, SetupLinks setupLinks) {
    this.authenticator = authenticator;
    this.setupLinks = setupLinks;
  }

  @RequestFilter
  public void authenticate(HttpRequest<?> request) {
    String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    // A bearer wins; without one, the session a setup link opened (an HttpOnly, SameSite=Strict cookie).
    AdminPrincipal principal = authorization == null
        ? request.getCookies().findCookie(SetupLinkRedemption.COOKIE)
            .flatMap(cookie -> setupLinks.signedIn(cookie.getValue()))
            .orElseGet(() -> authenticator.authenticate(null))
        : authenticator.authenticate(authorization);
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
