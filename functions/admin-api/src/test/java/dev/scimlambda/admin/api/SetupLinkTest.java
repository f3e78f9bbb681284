package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.admin.SetupLinks;
import dev.scimlambda.persistence.DynamoSetupLinkStore;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.runtime.Setting;
import java.net.URI;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator mints a setup link; its first GET signs the opener into one workspace, and nothing after that. */
class SetupLinkTest {

  static TestStack stack;
  static AdminApiHandler handler;
  static String acme;
  static String globex;

  @BeforeAll
  static void start() {
    stack = TestStack.start();
    handler = new AdminApiHandler(stack.context());
    acme = operatorCreates("Acme");
    globex = operatorCreates("Globex");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static String operatorCreates(String name) {
    return ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN)
        .json("{\"name\":\"" + name + "\"}").invoke(handler).json().get("id").asText();
  }

  static ApiResult mint(String workspaceId, String body) {
    return ApiCall.of("POST", "/admin/v1/workspaces/" + workspaceId + "/setup-links").bearer(TestStack.ADMIN_TOKEN)
        .json(body).invoke(handler);
  }

  static ApiResult open(String url) {
    URI uri = URI.create(url);
    return ApiCall.of("GET", uri.getPath()).query(uri.getRawQuery()).invoke(handler);
  }

  static String session(ApiResult redeemed) {
    String cookie = redeemed.header("Set-Cookie");
    return cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void aLinkIsMintedWithItsExpiryAndTheTokenInTheQuery() {
    ApiResult minted = mint(acme, "{}");
    assertThat(minted.status()).isEqualTo(201);
    String url = minted.json().get("url").asText();
    assertThat(url).contains("/admin/console/setup?token=").doesNotContain("#");
    Instant expiresAt = Instant.parse(minted.json().get("expiresAt").asText());
    assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
  }

  @Test
  void theFirstGetRedirectsIntoTheConsoleWithAShortSessionForThatWorkspaceOnly() {
    String url = mint(acme, "{\"expiresInMinutes\":60}").json().get("url").asText();
    String token = url.substring(url.indexOf("token=") + "token=".length());

    ApiResult redeemed = open(url);

    assertThat(redeemed.status()).isEqualTo(303);
    assertThat(redeemed.header("Location")).isEqualTo("/admin/console/?workspace=" + acme).doesNotContain(token);
    assertThat(redeemed.header("Set-Cookie"))
        .startsWith(SetupLinkRedemption.COOKIE + "=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/admin", "Max-Age=3600")
        .doesNotContain(token);
    String cookie = session(redeemed);
    ApiResult mine = ApiCall.of("GET", "/admin/v1/workspaces/" + acme).header("Cookie", cookie).invoke(handler);
    assertThat(mine.status()).isEqualTo(200);
    ApiResult listed = ApiCall.of("GET", "/admin/v1/workspaces").header("Cookie", cookie).invoke(handler);
    assertThat(listed.json().get("workspaces")).hasSize(1);
  }

  @Test
  void aLinkWorksExactlyOnce() {
    String url = mint(acme, "{}").json().get("url").asText();
    assertThat(open(url).status()).isEqualTo(303);

    ApiResult again = open(url);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.header("Content-Type")).startsWith("text/html");
    assertThat(again.bodyText()).contains("can no longer be used").doesNotContain(acme);
    assertThat(again.header("Set-Cookie")).isNull();
  }

  @Test
  void anExpiredLinkGetsTheSamePage() {
    Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    SetupLinks minter = new SetupLinks(new DynamoSetupLinkStore(stack.context().getBean(TableAccess.class)), anHourAgo);
    SetupLinks.Minted old = minter.mint(acme, 30);

    ApiResult result = ApiCall.of("GET", SetupLinkRedemption.PATH).query("token=" + old.token()).invoke(handler);
    assertThat(result.status()).isEqualTo(410);
    assertThat(result.bodyText()).contains("can no longer be used");
  }

  @Test
  void anUnknownOrMissingTokenGetsTheSamePage() {
    assertThat(ApiCall.of("GET", SetupLinkRedemption.PATH).query("token=nope").invoke(handler).status()).isEqualTo(410);
    assertThat(ApiCall.of("GET", SetupLinkRedemption.PATH).invoke(handler).status()).isEqualTo(410);
  }

  @Test
  void theSessionOnAnotherWorkspaceIs403() {
    String cookie = session(open(mint(acme, "{}").json().get("url").asText()));
    ApiResult other = ApiCall.of("GET", "/admin/v1/workspaces/" + globex).header("Cookie", cookie).invoke(handler);
    assertThat(other.status()).isEqualTo(403);
  }

  @Test
  void theSessionCannotMintLinksOrCreateWorkspaces() {
    String cookie = session(open(mint(acme, "{}").json().get("url").asText()));
    assertThat(ApiCall.of("POST", "/admin/v1/workspaces/" + acme + "/setup-links").header("Cookie", cookie).json("{}")
        .invoke(handler).status()).isEqualTo(403);
    assertThat(ApiCall.of("POST", "/admin/v1/workspaces").header("Cookie", cookie).json("{\"name\":\"x\"}")
        .invoke(handler).status()).isEqualTo(403);
  }

  @Test
  void theConsoleLearnsWhoIsSignedInAndHow() {
    String cookie = session(open(mint(acme, "{}").json().get("url").asText()));
    JsonNode viaLink = ApiCall.of("GET", "/admin/v1/me").header("Cookie", cookie).invoke(handler).json();
    assertThat(viaLink.get("actor").asText()).isEqualTo("setup-link");
    assertThat(viaLink.get("signedInWith").asText()).isEqualTo("setup-link");
    JsonNode operator = ApiCall.of("GET", "/admin/v1/me").bearer(TestStack.ADMIN_TOKEN).invoke(handler).json();
    assertThat(operator.get("signedInWith").asText()).isEqualTo("operator");
  }

  @Test
  void signingOutEndsTheSession() {
    String cookie = session(open(mint(acme, "{}").json().get("url").asText()));
    ApiResult out = ApiCall.of("POST", "/admin/v1/me/sign-out").header("Cookie", cookie).invoke(handler);
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(ApiCall.of("GET", "/admin/v1/workspaces/" + acme).header("Cookie", cookie).invoke(handler).status())
        .isEqualTo(401);
  }

  @Test
  void aForgedSessionCookieIs401() {
    ApiResult result = ApiCall.of("GET", "/admin/v1/workspaces/" + acme)
        .header("Cookie", SetupLinkRedemption.COOKIE + "=forged").invoke(handler);
    assertThat(result.status()).isEqualTo(401);
  }

  @Test
  void theSessionActsAsSetupLinkInTheAuditTrail() {
    String cookie = session(open(mint(acme, "{}").json().get("url").asText()));
    ApiCall.of("PATCH", "/admin/v1/workspaces/" + acme).header("Cookie", cookie).json("{\"name\":\"Acme Inc\"}")
        .invoke(handler);
    JsonNode newest = ApiCall.of("GET", "/admin/v1/workspaces/" + acme + "/audit").bearer(TestStack.ADMIN_TOKEN)
        .invoke(handler).json().get("entries").get(0);
    assertThat(newest.get("actor").asText()).isEqualTo(SetupLinks.ACTOR);
    assertThat(newest.get("action").asText()).isEqualTo("change_workspace");
  }

  @Test
  void anExpiryOutsideOneMinuteToSevenDaysIs400() {
    for (String body : new String[] {"{\"expiresInMinutes\":0}", "{\"expiresInMinutes\":10081}",
        "{\"expiresInMinutes\":\"soon\"}", "{\"expiresInMinutes\":1.5}"}) {
      ApiResult result = mint(acme, body);
      assertThat(result.status()).as(body).isEqualTo(400);
      assertThat(result.json().get("error").get("field").asText()).isEqualTo("expiresInMinutes");
    }
    assertThat(mint(acme, "{\"expiresInMinutes\":10080}").status()).isEqualTo(201);
  }

  @Test
  void theSessionCookieIsSecureWhenTheConsoleIsServedOverHttps() {
    try (TestStack deployed = TestStack.start(Map.of(Setting.PUBLIC_BASE_URL.property(), "https://scim.example.com"))) {
      AdminApiHandler api = new AdminApiHandler(deployed.context());
      String ws = ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN).json("{\"name\":\"Initech\"}")
          .invoke(api).json().get("id").asText();
      String url = ApiCall.of("POST", "/admin/v1/workspaces/" + ws + "/setup-links").bearer(TestStack.ADMIN_TOKEN)
          .json("{}").invoke(api).json().get("url").asText();
      assertThat(url).startsWith("https://scim.example.com/admin/console/setup?token=");
      URI uri = URI.create(url);
      ApiResult redeemed = ApiCall.of("GET", uri.getPath()).query(uri.getRawQuery()).invoke(api);
      assertThat(redeemed.header("Set-Cookie")).contains("; Secure");
    }
  }

  @Test
  void mintingForAnUnknownWorkspaceIs404() {
    assertThat(mint("no-such-workspace", "{}").status()).isEqualTo(404);
  }
}
