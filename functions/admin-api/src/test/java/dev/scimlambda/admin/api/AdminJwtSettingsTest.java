package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.TestStack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The identity provider's settings: a JWKS served over HTTP, fetched on first use only, and a renamed workspaces claim. */
class AdminJwtSettingsTest {

  static final TestIssuer ISSUER = TestIssuer.create();

  @Test
  void aJwksUrlIsFetchedOnTheFirstSignInNotWhileTheFunctionStarts() throws IOException {
    AtomicInteger fetches = new AtomicInteger();
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/.well-known/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] body = ISSUER.jwksJson().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    jwks.start();
    Map<String, Object> settings = new HashMap<>(ISSUER.settings());
    settings.put(Setting.ADMIN_JWKS.property(),
        "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
    try (TestStack stack = TestStack.start(settings)) {
      AdminApiHandler handler = new AdminApiHandler(stack.context());
      assertThat(fetches.get()).isZero();
      String token = ISSUER.adminOf("alice@acme.test");
      assertThat(ApiCall.of("GET", "/admin/v1/workspaces").bearer(token).invoke(handler).status()).isEqualTo(200);
      assertThat(ApiCall.of("GET", "/admin/v1/workspaces").bearer(token).invoke(handler).status()).isEqualTo(200);
      assertThat(fetches.get()).as("the keys are cached").isEqualTo(1);
    } finally {
      jwks.stop(0);
    }
  }

  @Test
  void theWorkspacesClaimCanBeRenamed() {
    Map<String, Object> settings = new HashMap<>(ISSUER.settings());
    settings.put(Setting.ADMIN_WORKSPACES_CLAIM.property(), "https://host-product.test/tenants");
    try (TestStack stack = TestStack.start(settings)) {
      AdminApiHandler handler = new AdminApiHandler(stack.context());
      String acme = ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN)
          .json("{\"name\":\"Acme\"}").invoke(handler).json().get("id").asText();
      JWTClaimsSet renamed = TestIssuer.claims("alice@acme.test")
          .claim("https://host-product.test/tenants", List.of(acme)).build();
      JWTClaimsSet usual = TestIssuer.claims("alice@acme.test", acme).build();

      assertThat(ApiCall.of("GET", "/admin/v1/workspaces/" + acme).bearer(ISSUER.rs256(renamed)).invoke(handler)
          .status()).isEqualTo(200);
      assertThat(ApiCall.of("GET", "/admin/v1/workspaces/" + acme).bearer(ISSUER.rs256(usual)).invoke(handler)
          .status()).isEqualTo(403);
    }
  }
}
