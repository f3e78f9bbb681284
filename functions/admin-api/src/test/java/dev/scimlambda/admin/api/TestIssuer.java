package dev.scimlambda.admin.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.scimlambda.runtime.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** The host product's identity provider in a test: an RSA and an EC key, its JWKS file, and tokens it signs. */
final class TestIssuer {

  static final String ISSUER = "https://id.host-product.test";
  static final String AUDIENCE = "scim-lambda-admin";

  private final RSAKey rsa;
  private final ECKey ec;
  private final Path jwksFile;

  private TestIssuer(RSAKey rsa, ECKey ec, Path jwksFile) {
    this.rsa = rsa;
    this.ec = ec;
    this.jwksFile = jwksFile;
  }

  static TestIssuer create() {
    try {
      RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
      Path file = Files.createTempDirectory("scim-jwks").resolve("jwks.json");
      Files.writeString(file, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
      return new TestIssuer(rsa, ec, file);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issuer's public keys, as its JWKS endpoint serves them. */
  String jwksJson() {
    try {
      return Files.readString(jwksFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings that point the admin API at this issuer. */
  Map<String, Object> settings() {
    return Map.of(
        Setting.ADMIN_JWT_ISSUER.property(), ISSUER,
        Setting.ADMIN_JWT_AUDIENCE.property(), AUDIENCE,
        Setting.ADMIN_JWKS.property(), jwksFile.toString());
  }

  /** Valid for ten minutes: {@code sub}, the workspaces claim, this issuer and audience. */
  static JWTClaimsSet.Builder claims(String subject, String... workspaces) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
        .claim("workspaces", List.of(workspaces));
  }

  String rs256(JWTClaimsSet claims) {
    try {
      return sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String es256(JWTClaimsSet claims) {
    try {
      return sign(new ECDSASigner(ec), JWSAlgorithm.ES256, ec.getKeyID(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String adminOf(String subject, String... workspaces) {
    return rs256(claims(subject, workspaces).build());
  }

  /** Signed by a key the JWKS does not hold, under the kid of one it does. */
  static String signedByAStranger(JWTClaimsSet claims) {
    try {
      RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      return sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HS256 with the RSA public key's bytes as the secret: the classic algorithm-confusion forgery. */
  String hs256(JWTClaimsSet claims) {
    try {
      byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
      return sign(new MACSigner(secret), JWSAlgorithm.HS256, rsa.getKeyID(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** {@code alg: none} spelled with a trailing dot and an empty signature, as attackers send it. */
  static String algNone(JWTClaimsSet claims) {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    return header + "." + Base64URL.encode(claims.toString()) + ".";
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
    return sign(signer, new JWSHeader.Builder(alg).keyID(kid).build(), claims);
  }

  private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
