package dev.scimlambda.directorysync.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * A Directory API access token for a service account with domain-wide delegation: a JWT signed with
 * the account's key, naming the admin to act as ({@code sub}) and the read-only scopes, exchanged
 * at Google's token endpoint with the JWT bearer grant (RFC 7523; Google's "Using OAuth 2.0 for
 * Server to Server Applications"). The token lives for this run only; {@link #renew()} forgets it.
 * The key's own {@code token_uri} is not followed: the endpoint is configured, not taken from input.
 */
final class GoogleSignIn {

  static final String SCOPES = String.join(" ",
      "https://www.googleapis.com/auth/admin.directory.user.readonly",
      "https://www.googleapis.com/auth/admin.directory.group.readonly",
      "https://www.googleapis.com/auth/admin.directory.group.member.readonly");

  /** Google accepts assertions of at most an hour. */
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(30);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DirectoryCredentials.GoogleWorkspace credentials;
  private final URI tokenUrl;
  private final DirectoryHttp http;
  private final Clock clock;
  private String header;

  GoogleSignIn(DirectoryCredentials.GoogleWorkspace credentials, URI tokenUrl, DirectoryHttp http, Clock clock) {
    this.credentials = credentials;
    this.tokenUrl = tokenUrl;
    this.http = http;
    this.clock = clock;
  }

  void renew() {
    header = null;
  }

  String authorization() {
    if (header == null) {
      header = "Bearer " + accessToken();
    }
    return header;
  }

  private String accessToken() {
    String form = "grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + encode(assertion());
    DirectoryHttp.Answer answer = http.send(HttpRequest.newBuilder(tokenUrl)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)), GoogleErrors.INSTANCE);
    String token = answer.json().path("access_token").asText("");
    if (token.isEmpty()) {
      throw new DirectoryProviderException.CredentialsRefused("Google's token endpoint answered without an access_token");
    }
    return token;
  }

  private String assertion() {
    JsonNode key = serviceAccountKey();
    String clientEmail = key.path("client_email").asText("");
    if (clientEmail.isEmpty()) {
      throw new DirectoryProviderException.CredentialsRefused("the service account key has no client_email");
    }
    RSAKey signingKey = privateKey(key.path("private_key").asText(""), key.path("private_key_id").asText(null));
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(clientEmail)
        .subject(credentials.adminEmail())
        .audience(tokenUrl.toString())
        .claim("scope", SCOPES)
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(clock.instant().plus(ASSERTION_LIFETIME)))
        .build();
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
    if (signingKey.getKeyID() != null) {
      header.keyID(signingKey.getKeyID());
    }
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new DirectoryProviderException.CredentialsRefused("the service account key cannot sign: " + e.getMessage());
    }
    return jwt.serialize();
  }

  private JsonNode serviceAccountKey() {
    try {
      JsonNode key = MAPPER.readTree(credentials.serviceAccountKey());
      if (key == null || !key.isObject()) {
        throw new IOException("not an object");
      }
      return key;
    } catch (IOException e) {
      // Never the key's text in a message: it is the secret.
      throw new DirectoryProviderException.CredentialsRefused("the service account key is not the JSON key file Google issues");
    }
  }

  private static RSAKey privateKey(String pem, String keyId) {
    RSAKey key = SigningKeys.rsaPrivateKey(pem).orElseThrow(() -> new DirectoryProviderException.CredentialsRefused(
        "the service account key's private_key is not an RSA private key in PKCS#8 PEM"));
    return keyId == null ? key : new RSAKey.Builder(key).keyID(keyId).build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
