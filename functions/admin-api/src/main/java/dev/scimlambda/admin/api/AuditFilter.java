package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminPrincipal;
import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.audit.AuditTrail;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Appends an {@link AuditEntry} for every successful call of an {@link AdminRoute#audited()} route
 * (the writes and the secret reveal), in the workspace the route names (a new workspace: the one
 * created). Refused and failed calls change nothing and are not recorded.
 */
@ServerFilter("/admin/v1/**")
public final class AuditFilter {

  private static final String WORKSPACES = "/admin/v1/workspaces/";

  private final AuditTrail trail;
  private final Clock clock;

  public AuditFilter(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @ResponseFilter
  public void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() < 200 || response.code() > 299) {
      return;
    }
    Optional<AdminPrincipal> principal = request.getAttribute(AdminAuthFilter.PRINCIPAL, AdminPrincipal.class);
    Optional<UriRouteMatch<?, ?>> match = RouteAttributes.getRouteMatch(request)
        .filter(UriRouteMatch.class::isInstance)
        .map(m -> (UriRouteMatch<?, ?>) m);
    if (principal.isEmpty() || match.isEmpty()) {
      return;
    }
    HttpMethod method = match.get().getHttpMethod();
    Optional<AdminRoute> route = AdminRoute.of(method, match.get().getRouteInfo().getUriMatchTemplate().toString());
    if (!audited(method, route)) {
      return;
    }
    String target = Optional.ofNullable(response.getHeaders().get(HttpHeaders.LOCATION)).orElse(request.getPath());
    Object workspace = match.get().getVariableValues().get(AdminRoute.WORKSPACE_VARIABLE);
    String workspaceId = workspace != null ? workspace.toString() : createdWorkspace(target);
    if (workspaceId == null) {
      return;
    }
    String action = route.map(r -> r.name().toLowerCase(Locale.ROOT))
        .orElse(method.name().toLowerCase(Locale.ROOT) + " " + match.get().getRouteInfo().getUriMatchTemplate());
    trail.record(new AuditEntry(workspaceId, clock.instant(), principal.get().actor(), action, target,
        sourceIp(request), request.getHeaders().get(HttpHeaders.USER_AGENT)));
  }

  /** A route not yet in {@link AdminRoute} (the operator's alone until classified) is audited when it writes. */
  static boolean audited(HttpMethod method, Optional<AdminRoute> route) {
    return route.map(AdminRoute::audited)
        .orElse(method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS);
  }

  private static String createdWorkspace(String location) {
    if (!location.startsWith(WORKSPACES)) {
      return null;
    }
    String rest = location.substring(WORKSPACES.length());
    return rest.isEmpty() || rest.contains("/") ? null : rest;
  }

  private static String sourceIp(HttpRequest<?> request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return null;
    }
    return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
  }
}
