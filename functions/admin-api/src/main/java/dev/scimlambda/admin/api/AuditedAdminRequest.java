package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminPrincipal;
import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.audit.AuditedRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit entry of the admin request being served, found through Micronaut's request context
 * (which follows the request from its filters to the controller and the stores it calls, on
 * whichever thread). The entry is drafted once per request from what the request says (who, which
 * route, from where) and keeps its id and time, so every write that offers it offers the same key.
 */
@Singleton
final class AuditedAdminRequest implements AuditedRequest {

  private static final String DRAFT = "scim.admin.audit";

  private final Clock clock;

  AuditedAdminRequest(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<AuditEntry> unwritten(String createdWorkspaceId, String createdId) {
    return ServerRequestContext.currentRequest().flatMap(this::draft)
        .flatMap(d -> d.unwritten(createdWorkspaceId, createdId));
  }

  @Override
  public void written(AuditEntry entry) {
    ServerRequestContext.currentRequest().flatMap(this::draft).ifPresent(Draft::markWritten);
  }

  /** The request's draft, made on first use; empty for a request that is not audited. */
  Optional<Draft> draft(HttpRequest<?> request) {
    Optional<Draft> made = request.getAttribute(DRAFT, Draft.class);
    if (made.isPresent()) {
      return made;
    }
    Optional<AdminPrincipal> principal = request.getAttribute(AdminAuthFilter.PRINCIPAL, AdminPrincipal.class);
    Optional<UriRouteMatch<?, ?>> match = RouteAttributes.getRouteMatch(request)
        .filter(UriRouteMatch.class::isInstance)
        .map(m -> (UriRouteMatch<?, ?>) m);
    if (principal.isEmpty() || match.isEmpty()) {
      return Optional.empty();
    }
    HttpMethod method = match.get().getHttpMethod();
    String template = match.get().getRouteInfo().getUriMatchTemplate().toString();
    Optional<AdminRoute> route = AdminRoute.of(method, template);
    if (!AuditFilter.audited(method, route)) {
      return Optional.empty();
    }
    Object workspace = match.get().getVariableValues().get(AdminRoute.WORKSPACE_VARIABLE);
    String action = route.map(r -> r.name().toLowerCase(Locale.ROOT))
        .orElse(method.name().toLowerCase(Locale.ROOT) + " " + template);
    Draft draft = new Draft(workspace == null ? null : workspace.toString(), UUID.randomUUID().toString(),
        clock.instant(), principal.get().actor(), action, request.getPath(), route.map(AdminRoute::creates).orElse(false),
        sourceIp(request), request.getHeaders().get(HttpHeaders.USER_AGENT));
    request.setAttribute(DRAFT, draft);
    return Optional.of(draft);
  }

  private static String sourceIp(HttpRequest<?> request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return null;
    }
    return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
  }

  /** One request's entry before it names its workspace (a new workspace) or created resource. */
  static final class Draft {
    private final String workspaceId;
    private final String id;
    private final Instant at;
    private final String actor;
    private final String action;
    private final String path;
    private final boolean creates;
    private final String sourceIp;
    private final String userAgent;
    private boolean written;

    Draft(String workspaceId, String id, Instant at, String actor, String action, String path, boolean creates,
        String sourceIp, String userAgent) {
      this.workspaceId = workspaceId;
      this.id = id;
      this.at = at;
      this.actor = actor;
      this.action = action;
      this.path = path;
      this.creates = creates;
      this.sourceIp = sourceIp;
      this.userAgent = userAgent;
    }

    boolean written() {
      return written;
    }

    void markWritten() {
      written = true;
    }

    /** See {@link AuditedRequest#unwritten}: a creating route's target is the created resource's path. */
    Optional<AuditEntry> unwritten(String createdWorkspaceId, String createdId) {
      String workspace = workspaceId != null ? workspaceId : createdWorkspaceId;
      if (written || workspace == null) {
        return Optional.empty();
      }
      String target = creates && createdId != null ? path + "/" + createdId : path;
      return Optional.of(new AuditEntry(workspace, id, at, actor, action, target, sourceIp, userAgent));
    }
  }
}
