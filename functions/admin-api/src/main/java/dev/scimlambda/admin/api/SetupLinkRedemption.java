package dev.scimlambda.admin.api;

import dev.scimlambda.admin.SetupLinks;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/console/setup?token=…}: the first visit redeems the link, sets a one-hour
 * session cookie for its workspace and redirects into the console (the redirect never carries the
 * token); a used, expired or unknown link gets a 410 page that says so and nothing else. Under
 * {@code /admin/console} so it needs no admin bearer, in AWS as locally.
 */
@Controller(SetupLinkRedemption.PATH)
public final class SetupLinkRedemption {

  static final String PATH = "/admin/console/setup";
  static final String COOKIE = "scim_admin_session";

  private final SetupLinks links;
  private final Settings settings;

  public SetupLinkRedemption(SetupLinks links, Settings settings) {
    this.links = links;
    this.settings = settings;
  }

  @Get
  public HttpResponse<String> redeem(@Nullable @QueryValue String token) {
    return links.redeem(token)
        .<HttpResponse<String>>map(session -> HttpResponse.<String>status(HttpStatus.SEE_OTHER)
            .header("Location", "/admin/console/?workspace="
                + URLEncoder.encode(session.workspaceId(), StandardCharsets.UTF_8))
            .header("Set-Cookie", cookie(session.token()))
            .header("Cache-Control", "no-store")
            .header("Referrer-Policy", "no-referrer"))
        .orElseGet(() -> HttpResponse.<String>status(HttpStatus.GONE)
            .contentType(MediaType.TEXT_HTML_TYPE)
            .header("Cache-Control", "no-store")
            .header("Referrer-Policy", "no-referrer")
            .body(GONE_PAGE));
  }

  private String cookie(String sessionToken) {
    String base = settings.require(Setting.PUBLIC_BASE_URL);
    // Browsers keep Secure cookies from plain-http pages only on loopback; the embedded stack is plain http.
    boolean local = base.startsWith("http://127.0.0.1") || base.startsWith("http://localhost");
    return COOKIE + "=" + sessionToken + "; Path=/admin; Max-Age=" + SetupLinks.SESSION.toSeconds()
        + "; HttpOnly; SameSite=Strict" + (local ? "" : "; Secure");
  }

  static final String GONE_PAGE = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Setup link no longer valid</title></head>
      <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto;">
      <h1>This setup link can no longer be used</h1>
      <p>A setup link works once, for a limited time. This one has already been opened, has expired,
      or was never issued.</p>
      <p>Ask whoever sent it for a new link.</p>
      </body></html>
      """;
}
