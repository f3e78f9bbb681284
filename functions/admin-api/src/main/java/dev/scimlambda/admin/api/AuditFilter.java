package dev.scimlambda.admin.api;

import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.audit.AuditTrail;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Records the audit entry of a successful {@link AdminRoute#audited()} call that no store wrote
 * with its change: a change that is no DynamoDB write (the secret reveal reads Secrets Manager),
 * or a call that found nothing to change (a reconciliation with nothing to repair). Every other
 * entry is written by the stores in the change's own transaction ({@link AuditedAdminRequest}).
 * The entry has one key per request, so it is never written twice. Refused and failed calls
 * changed nothing and are not recorded here.
 */
@ServerFilter("/admin/v1/**")
public final class AuditFilter {

  private static final String WORKSPACES = "/admin/v1/workspaces/";

  private final AuditTrail trail;
  private final AuditedAdminRequest audited;

  public AuditFilter(AuditTrail trail, AuditedAdminRequest audited) {
    this.trail = trail;
    this.audited = audited;
  }

  @ResponseFilter
  public void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() < 200 || response.code() > 299) {
      return;
    }
    audited.draft(request).filter(draft -> !draft.written()).ifPresent(draft -> {
      // A creation that wrote nothing to the table names what it created only in its Location.
      String location = response.getHeaders().get(HttpHeaders.LOCATION);
      String created = location != null && location.startsWith(request.getPath() + "/")
          ? location.substring(request.getPath().length() + 1) : null;
      Optional<AuditEntry> entry = draft.unwritten(createdWorkspace(location), created);
      entry.ifPresent(e -> {
        trail.record(e);
        draft.markWritten();
      });
    });
  }

  /** A route not yet in {@link AdminRoute} (the operator's alone until classified) is audited when it writes. */
  static boolean audited(HttpMethod method, Optional<AdminRoute> route) {
    return route.map(AdminRoute::audited)
        .orElse(method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS);
  }

  private static String createdWorkspace(String location) {
    if (location == null || !location.startsWith(WORKSPACES)) {
      return null;
    }
    String rest = location.substring(WORKSPACES.length());
    return rest.isEmpty() || rest.contains("/") ? null : rest;
  }
}
