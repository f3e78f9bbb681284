package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A workspace admin's valid token, changed in any way an attacker could change it without the
 * issuer's private key, is refused with 401: a flipped bit in any part, a truncation, a payload
 * widened to another workspace, another {@code alg}, a stripped signature.
 */
class TamperedTokenPropertiesTest {

  static final TestIssuer ISSUER = TestIssuer.create();
  static TestStack stack;
  static AdminApiHandler handler;
  static String acme;
  static String globex;
  static String valid;

  @BeforeContainer
  static void start() {
    stack = TestStack.start(ISSUER.settings());
    handler = new AdminApiHandler(stack.context());
    acme = operatorCreates("Acme");
    globex = operatorCreates("Globex");
    valid = ISSUER.adminOf("alice@acme.test", acme);
  }

  @AfterContainer
  static void stop() {
    stack.close();
  }

  static String operatorCreates(String name) {
    return ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN)
        .json("{\"name\":\"" + name + "\"}").invoke(handler).json().get("id").asText();
  }

  static ApiResult listWorkspacesWith(String token) {
    return ApiCall.of("GET", "/admin/v1/workspaces").bearer(token).invoke(handler);
  }

  /** The property below could fail: the untouched token signs in. */
  @Example
  void theUntamperedTokenSignsIn() {
    assertThat(listWorkspacesWith(valid).status()).isEqualTo(200);
  }

  @Property(tries = 200)
  void aTamperedTokenIs401(@ForAll("tamperings") Tampering tampering) {
    String tampered = tampering.apply(valid);
    assertThat(tampered).isNotEqualTo(valid);
    assertThat(listWorkspacesWith(tampered).status()).as(tampering.name()).isEqualTo(401);
  }

  record Tampering(String name, UnaryOperator<String> change) {
    String apply(String token) {
      return change.apply(token);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Provide
  Arbitrary<Tampering> tamperings() {
    return Arbitraries.oneOf(flippedBits(), truncations(), widenedPayloads(), otherAlgorithms(), strippedSignatures());
  }

  /** One bit of one decoded byte of the header, payload or signature, re-encoded: a real change, not padding noise. */
  static Arbitrary<Tampering> flippedBits() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().greaterOrEqual(0),
        Arbitraries.integers().between(0, 7)).as((segment, at, bit) -> new Tampering(
            "bit " + bit + " of byte " + at + " in segment " + segment, token -> {
              String[] parts = token.split("\\.");
              byte[] bytes = new Base64URL(parts[segment]).decode();
              bytes[at % bytes.length] ^= (byte) (1 << bit);
              parts[segment] = Base64URL.encode(bytes).toString();
              return String.join(".", parts);
            }));
  }

  static Arbitrary<Tampering> truncations() {
    return Arbitraries.integers().greaterOrEqual(0).map(cut -> new Tampering("cut at " + cut,
        token -> token.substring(0, cut % token.length())));
  }

  /** The same signature over a payload that also claims another workspace. */
  static Arbitrary<Tampering> widenedPayloads() {
    return Arbitraries.of("alice@acme.test", "operator", "mallory").map(subject -> new Tampering(
        "payload of " + subject + " widened to Globex", token -> {
          String[] parts = token.split("\\.");
          String payload = TestIssuer.claims(subject, acme, globex).build().toString();
          parts[1] = Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)).toString();
          return String.join(".", parts);
        }));
  }

  static Arbitrary<Tampering> otherAlgorithms() {
    return Arbitraries.of("none", "None", "HS256", "HS384", "HS512", "RS384", "RS512", "PS256", "ES256", "ES384", "")
        .map(alg -> new Tampering("alg " + alg, token -> {
          String[] parts = token.split("\\.");
          parts[0] = Base64URL.encode("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}").toString();
          return String.join(".", parts);
        }));
  }

  static Arbitrary<Tampering> strippedSignatures() {
    return Arbitraries.of("", ".", "..", "AAAA").map(rest -> new Tampering("signature replaced by '" + rest + "'",
        token -> token.substring(0, token.lastIndexOf('.') + 1) + rest));
  }
}
