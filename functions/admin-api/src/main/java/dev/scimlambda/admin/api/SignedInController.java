package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.admin.AdminPrincipal;
import dev.scimlambda.admin.SetupLinks;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.HttpResponse;

/**
 * {@code GET /admin/v1/me}: who the console is signed in as ({@code actor}) and how
 * ({@code operator}, {@code jwt} or {@code setup-link}); which workspaces is {@code GET /admin/v1/workspaces}.
 */
@Controller("/admin/v1/me")
public final class SignedInController {

  private final SetupLinks setupLinks;

  public SignedInController(SetupLinks setupLinks) {
    this.setupLinks = setupLinks;
  }

  /** Ends a setup link's session (its cookie is HttpOnly, so the page cannot); a bearer has nothing to end. */
  @Post("/sign-out")
  public HttpResponse<Void> signOut(HttpRequest<?> request) {
    request.getCookies().findCookie(SetupLinkRedemption.COOKIE).ifPresent(c -> setupLinks.signOut(c.getValue()));
    return HttpResponse.<Void>noContent()
        .header("Set-Cookie", SetupLinkRedemption.COOKIE + "=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict");
  }

  @Get
  public JsonNode me(HttpRequest<?> request) {
    AdminPrincipal principal = AdminAuthFilter.principal(request);
    ObjectNode me = ScimJson.MAPPER.createObjectNode();
    me.put("actor", principal.actor());
    me.put("signedInWith", principal.operator() ? "operator"
        : principal.actor().equals(SetupLinks.ACTOR) ? "setup-link" : "jwt");
    return me;
  }
}
