package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.sessions.SessionCheck;
import dev.scimlambda.sessions.Sessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code /admin/v1/workspaces/{ws}/sessions}: the host app's session checks and forced re-authentication. */
@Controller("/admin/v1/workspaces/{workspaceId}/sessions")
public final class SessionController {

  private final Sessions sessions;

  public SessionController(Sessions sessions) {
    this.sessions = sessions;
  }

  /** {@code {"userId" | "email", "issuedAt"}} → {@code {"valid", "reason"}}. */
  @Post("/check")
  public JsonNode check(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    SessionCheck check = sessions.check(workspaceId, body.string("userId").orElse(null),
        body.string("email").orElse(null), instant("issuedAt", body.requiredString("issuedAt")));
    return ScimJson.MAPPER.createObjectNode().put("valid", check.valid()).put("reason", check.reason());
  }

  /**
   * Every session issued before now becomes invalid; returns the workspace with its new settings.
   * Takes no body (docs/admin-api.md documents it bodiless): declaring one made Micronaut refuse an empty
   * POST with 400, and whatever a caller sends is not read.
   */
  @Post("/revoke")
  public JsonNode revoke(String workspaceId) {
    return AdminJson.workspace(sessions.revokeAll(workspaceId));
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2026-11-23T09:00:00Z");
    }
  }
}
