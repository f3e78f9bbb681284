package dev.scimlambda.directorysync.okta;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scimlambda.directorysync.DirectoryCredentials;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import dev.scimlambda.directorysync.jwt.SigningKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * The {@code Authorization} header for Okta's Management API: {@code SSWS <API token>}, or for an
 * OAuth service app a {@code Bearer} access token obtained with the client-credentials grant and a
 * {@code private_key_jwt} client assertion signed by the app's key (Okta's "Implement OAuth for
 * Okta with a service app"). The token lives for this run only; {@link #renew()} forgets it after a
 * 401, so the next call asks for a new one.
 */
final class OktaSignIn {

  /** What a directory sync reads: users, groups with their members, and the System Log's membership events. */
  static final String SCOPES = "okta.users.read okta.groups.read okta.logs.read";

  /** Okta rejects assertions that live longer than an hour; five minutes is plenty for one request. */
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  private final DirectoryCredentials.Okta credentials;
  private final URI tokenUrl;
  private final DirectoryHttp http;
  private final Clock clock;
  private String header;

  OktaSignIn(DirectoryCredentials.Okta credentials, URI org, DirectoryHttp http, Clock clock) {
    this.credentials = credentials;
    this.tokenUrl = org.resolve("/oauth2/v1/token");
    this.http = http;
    this.clock = clock;
  }

  /** Whether a refused call may be worth one more try with a new access token (an API token cannot be renewed). */
  boolean renewable() {
    return credentials.serviceApp();
  }

  void renew() {
    header = null;
  }

  String authorization() {
    if (header == null) {
      header = credentials.serviceApp() ? "Bearer " + accessToken() : "SSWS " + credentials.apiToken();
    }
    return header;
  }

  private String accessToken() {
    String form = "grant_type=client_credentials"
        + "&scope=" + encode(SCOPES)
        + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        + "&client_assertion=" + encode(assertion());
    DirectoryHttp.Answer answer = http.send(HttpRequest.newBuilder(tokenUrl)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)), OktaErrors.INSTANCE);
    String token = answer.json().path("access_token").asText("");
    if (token.isEmpty()) {
      throw new DirectoryProviderException.CredentialsRefused("Okta's token endpoint answered without an access_token");
    }
    return token;
  }

  /** RFC 7523 client assertion: issuer and subject the client id, audience the token endpoint. */
  private String assertion() {
    RSAKey key = privateKey();
    Date now = Date.from(clock.instant());
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(credentials.clientId())
        .subject(credentials.clientId())
        .audience(tokenUrl.toString())
        .issueTime(now)
        .expirationTime(Date.from(clock.instant().plus(ASSERTION_LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader.Builder jwsHeader = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
    if (key.getKeyID() != null) {
      jwsHeader.keyID(key.getKeyID());
    }
    SignedJWT jwt = new SignedJWT(jwsHeader.build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new DirectoryProviderException.CredentialsRefused("the service app's private key cannot sign: " + e.getMessage());
    }
    return jwt.serialize();
  }

  /** The key as Okta's Admin Console hands it out: a JWK (JSON) or a PKCS#8 PEM. */
  private RSAKey privateKey() {
    // Never the key text itself in a message: it is the secret.
    return SigningKeys.rsaPrivateKey(credentials.privateKey()).orElseThrow(() -> new DirectoryProviderException.CredentialsRefused(
        "the service app's private key is not an RSA private key as a JWK or a PKCS#8 PEM (BEGIN PRIVATE KEY)"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
