package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Workspace admins sign in with the host product's JWTs; every way a token can be wrong is the same 401. */
class AdminJwtSignInTest {

  static final TestIssuer ISSUER = TestIssuer.create();
  static TestStack stack;
  static AdminApiHandler handler;
  static String acme;
  static String globex;

  @BeforeAll
  static void start() {
    stack = TestStack.start(ISSUER.settings());
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

  static ApiResult getAcmeWith(String token) {
    return ApiCall.of("GET", "/admin/v1/workspaces/" + acme).bearer(token).invoke(handler);
  }

  static JWTClaimsSet acmeAdmin() {
    return TestIssuer.claims("alice@acme.test", acme).build();
  }

  @Test
  void anRs256TokenForTheWorkspaceReadsIt() {
    ApiResult result = getAcmeWith(ISSUER.rs256(acmeAdmin()));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("id").asText()).isEqualTo(acme);
  }

  @Test
  void anEs256TokenForTheWorkspaceReadsIt() {
    assertThat(getAcmeWith(ISSUER.es256(acmeAdmin())).status()).isEqualTo(200);
  }

  @Test
  void theOperatorTokenKeepsWorkingAlongsideJwts() {
    assertThat(getAcmeWith(TestStack.ADMIN_TOKEN).status()).isEqualTo(200);
  }

  @Test
  void noTokenIs401() {
    ApiResult result = ApiCall.of("GET", "/admin/v1/workspaces/" + acme).invoke(handler);
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void aGarbledTokenIs401() {
    assertThat(getAcmeWith("eyJhbGciOi.not-a-jwt.at-all").status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIs401() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    JWTClaimsSet expired = TestIssuer.claims("alice@acme.test", acme)
        .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(10)))).build();
    assertThat(getAcmeWith(ISSUER.rs256(expired)).status()).isEqualTo(401);
  }

  @Test
  void aTokenNotYetValidIs401() {
    JWTClaimsSet early = TestIssuer.claims("alice@acme.test", acme)
        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build();
    assertThat(getAcmeWith(ISSUER.rs256(early)).status()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutExpiryIs401() {
    JWTClaimsSet forever = TestIssuer.claims("alice@acme.test", acme).expirationTime(null).build();
    assertThat(getAcmeWith(ISSUER.rs256(forever)).status()).isEqualTo(401);
  }

  @Test
  void aTokenOfAnotherIssuerIs401() {
    JWTClaimsSet other = TestIssuer.claims("alice@acme.test", acme).issuer("https://evil.test").build();
    assertThat(getAcmeWith(ISSUER.rs256(other)).status()).isEqualTo(401);
  }

  @Test
  void aTokenForAnotherAudienceIs401() {
    JWTClaimsSet other = TestIssuer.claims("alice@acme.test", acme).audience("another-app").build();
    assertThat(getAcmeWith(ISSUER.rs256(other)).status()).isEqualTo(401);
  }

  @Test
  void aTokenSignedByAKeyOutsideTheJwksIs401() {
    assertThat(getAcmeWith(TestIssuer.signedByAStranger(acmeAdmin())).status()).isEqualTo(401);
  }

  @Test
  void anAlgNoneTokenIs401() {
    assertThat(getAcmeWith(TestIssuer.algNone(acmeAdmin())).status()).isEqualTo(401);
    assertThat(getAcmeWith(TestIssuer.unsigned(acmeAdmin())).status()).isEqualTo(401);
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIs401() {
    assertThat(getAcmeWith(ISSUER.hs256(acmeAdmin())).status()).isEqualTo(401);
  }

  @Test
  void aWorkspaceOutsideTheClaimIs403() {
    ApiResult result = ApiCall.of("GET", "/admin/v1/workspaces/" + globex).bearer(ISSUER.rs256(acmeAdmin()))
        .invoke(handler);
    assertThat(result.status()).isEqualTo(403);
    assertThat(result.json().get("error").get("code").asText()).isEqualTo("forbidden");
  }

  @Test
  void aTokenWithoutTheWorkspacesClaimAdministersNothing() {
    JWTClaimsSet none = TestIssuer.claims("bob@acme.test").claim("workspaces", null).build();
    assertThat(getAcmeWith(ISSUER.rs256(none)).status()).isEqualTo(403);
  }

  @Test
  void aWorkspacesClaimThatIsNotAListOfIdsIs401() {
    JWTClaimsSet odd = TestIssuer.claims("bob@acme.test").claim("workspaces", acme).build();
    assertThat(getAcmeWith(ISSUER.rs256(odd)).status()).isEqualTo(401);
  }

  @Test
  void listingWorkspacesShowsOnlyTheClaimsOnes() {
    ApiResult result = ApiCall.of("GET", "/admin/v1/workspaces").bearer(ISSUER.rs256(acmeAdmin())).invoke(handler);
    assertThat(result.status()).isEqualTo(200);
    List<String> ids = StreamSupport.stream(result.json().get("workspaces").spliterator(), false)
        .map(w -> w.get("id").asText()).toList();
    assertThat(ids).containsExactly(acme);
  }

  @Test
  void theOperatorListsEveryWorkspace() {
    JsonNode all = ApiCall.of("GET", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN).invoke(handler).json();
    List<String> ids = StreamSupport.stream(all.get("workspaces").spliterator(), false)
        .map(w -> w.get("id").asText()).toList();
    assertThat(ids).contains(acme, globex);
  }

  @Test
  void aJwtIsSignedInAsItsSubject() {
    JsonNode me = ApiCall.of("GET", "/admin/v1/me").bearer(ISSUER.rs256(acmeAdmin())).invoke(handler).json();
    assertThat(me.get("actor").asText()).isEqualTo("alice@acme.test");
    assertThat(me.get("signedInWith").asText()).isEqualTo("jwt");
  }

  @Test
  void creatingAWorkspaceWithAJwtIs403() {
    ApiResult result = ApiCall.of("POST", "/admin/v1/workspaces").bearer(ISSUER.rs256(acmeAdmin()))
        .json("{\"name\":\"Mine\"}").invoke(handler);
    assertThat(result.status()).isEqualTo(403);
  }
}
