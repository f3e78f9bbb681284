package dev.scimlambda.admin.api;

import dev.scimlambda.admin.AdminPrincipal;
import io.micronaut.http.HttpMethod;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every admin API route and who may call it. A route missing here is refused to everyone but the
 * operator (the filter fails closed), and AdminRouteScopeTest fails until it is added: a new
 * endpoint cannot silently be open to every workspace admin.
 */
public enum AdminRoute {
  CREATE_WORKSPACE(HttpMethod.POST, "/admin/v1/workspaces", Scope.OPERATOR),
  LIST_WORKSPACES(HttpMethod.GET, "/admin/v1/workspaces", Scope.SIGNED_IN),
  SIGNED_IN_AS(HttpMethod.GET, "/admin/v1/me", Scope.SIGNED_IN),
  SIGN_OUT(HttpMethod.POST, "/admin/v1/me/sign-out", Scope.SIGNED_IN),
  PURGE_WORKSPACE(HttpMethod.DELETE, "/admin/v1/workspaces/{workspaceId}", Scope.OPERATOR),
  GET_WORKSPACE(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}", Scope.WORKSPACE),
  CHANGE_WORKSPACE(HttpMethod.PATCH, "/admin/v1/workspaces/{workspaceId}", Scope.WORKSPACE),
  CREATE_CONNECTION(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/connections", Scope.WORKSPACE),
  LIST_CONNECTIONS(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections", Scope.WORKSPACE),
  GET_CONNECTION(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}", Scope.WORKSPACE),
  REVEAL_CONNECTION_SECRET(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/secret",
      Scope.WORKSPACE),
  ROTATE_CONNECTION_SECRET(HttpMethod.POST,
      "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/rotate-secret", Scope.WORKSPACE),
  DELETE_CONNECTION(HttpMethod.DELETE, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}",
      Scope.WORKSPACE),
  CONNECTION_ACTIVITY(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/activity",
      Scope.WORKSPACE),
  GET_CONNECTION_ACCESS(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/access",
      Scope.WORKSPACE),
  SET_CONNECTION_ACCESS(HttpMethod.PUT, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/access",
      Scope.WORKSPACE),
  CONNECTION_SETUP(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/setup",
      Scope.WORKSPACE),
  GET_CONNECTION_MAPPING(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/mapping",
      Scope.WORKSPACE),
  SET_CONNECTION_MAPPING(HttpMethod.PUT, "/admin/v1/workspaces/{workspaceId}/connections/{connectionId}/mapping",
      Scope.WORKSPACE),
  CREATE_FIELD(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/fields", Scope.WORKSPACE),
  LIST_FIELDS(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/fields", Scope.WORKSPACE),
  DELETE_FIELD(HttpMethod.DELETE, "/admin/v1/workspaces/{workspaceId}/fields/{key}", Scope.WORKSPACE),
  LIST_USERS(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/users", Scope.WORKSPACE),
  CREATE_USER(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/users", Scope.WORKSPACE),
  GET_USER(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/users/{id}", Scope.WORKSPACE),
  DELETE_USER(HttpMethod.DELETE, "/admin/v1/workspaces/{workspaceId}/users/{id}", Scope.WORKSPACE),
  LIST_TAGS(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/tags", Scope.WORKSPACE),
  RECONCILE(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/reconcile", Scope.WORKSPACE),
  CHECK_SESSION(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/sessions/check", Scope.WORKSPACE),
  REVOKE_SESSIONS(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/sessions/revoke", Scope.WORKSPACE),
  SET_WEBHOOK(HttpMethod.PUT, "/admin/v1/workspaces/{workspaceId}/webhook", Scope.WORKSPACE),
  GET_WEBHOOK(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/webhook", Scope.WORKSPACE),
  EVENTBRIDGE_STATUS(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/eventbridge", Scope.WORKSPACE),
  DELETE_WEBHOOK(HttpMethod.DELETE, "/admin/v1/workspaces/{workspaceId}/webhook", Scope.WORKSPACE),
  ROTATE_WEBHOOK_SECRET(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/webhook/secret/rotate", Scope.WORKSPACE),
  LIST_WEBHOOK_DELIVERIES(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/webhook/deliveries", Scope.WORKSPACE),
  GET_WEBHOOK_DELIVERY(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/webhook/deliveries/{id}", Scope.WORKSPACE),
  REDELIVER_WEBHOOK_DELIVERY(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/webhook/deliveries/{id}/redeliver",
      Scope.WORKSPACE),
  REDELIVER_FAILED_WEBHOOK_DELIVERIES(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/webhook/deliveries/redeliver",
      Scope.WORKSPACE),
  AUDIT_TRAIL(HttpMethod.GET, "/admin/v1/workspaces/{workspaceId}/audit", Scope.WORKSPACE),
  CREATE_SETUP_LINK(HttpMethod.POST, "/admin/v1/workspaces/{workspaceId}/setup-links", Scope.OPERATOR);

  /** Who may call a route. */
  public enum Scope {
    /** The operator token only (workspaces come and go with the host product's accounts). */
    OPERATOR,
    /** Anyone signed in; the controller narrows the answer to the principal's workspaces. */
    SIGNED_IN,
    /** The operator, or an admin whose claim lists the route's {@code {workspaceId}}. */
    WORKSPACE
  }

  static final String WORKSPACE_VARIABLE = "workspaceId";

  private final HttpMethod method;
  private final String template;
  private final Scope scope;

  AdminRoute(HttpMethod method, String template, Scope scope) {
    this.method = method;
    this.template = template;
    this.scope = scope;
  }

  /** The route; Micronaut answers HEAD on every GET route with the GET's handler, so HEAD is classified as GET. */
  public static Optional<AdminRoute> of(HttpMethod method, String template) {
    HttpMethod classified = method == HttpMethod.HEAD ? HttpMethod.GET : method;
    return Arrays.stream(values()).filter(r -> r.method == classified && r.template.equals(template)).findFirst();
  }

  public HttpMethod method() {
    return method;
  }

  public String template() {
    return template;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * Whether a successful call is recorded in the workspace's audit trail: every write and the secret
   * reveal. Not a session check (a read the host product makes on every sign-in, POST only to keep
   * the session out of URLs), not a sign-out, and not a purge, whose trail goes with the workspace.
   */
  public boolean audited() {
    return switch (this) {
      case REVEAL_CONNECTION_SECRET -> true;
      case CHECK_SESSION, PURGE_WORKSPACE, SIGN_OUT -> false;
      default -> method != HttpMethod.GET;
    };
  }

  /** Whether the route creates a resource, which its audit entry's target names (the collection's path, then its id). */
  public boolean creates() {
    return switch (this) {
      case CREATE_WORKSPACE, CREATE_CONNECTION, CREATE_FIELD, CREATE_USER -> true;
      default -> false;
    };
  }

  /** Throws ForbiddenException unless {@code principal} may call this route for {@code workspaceId}. */
  void authorize(AdminPrincipal principal, String workspaceId) {
    switch (scope) {
      case OPERATOR -> principal.requireOperator();
      case SIGNED_IN -> { }
      case WORKSPACE -> principal.requireWorkspace(workspaceId);
    }
  }
}
