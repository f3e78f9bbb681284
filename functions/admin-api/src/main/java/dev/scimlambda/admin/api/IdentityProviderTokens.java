package dev.scimlambda.admin.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.scimlambda.admin.AdminPrincipal;
import dev.scimlambda.admin.AdminTokenVerifier;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin JWTs of the host product's identity provider, verified by Nimbus JOSE: RS256 or ES256 only
 * (so {@code alg: none} and HMAC, whose "key" a caller could pick, never verify), the configured
 * issuer and audience, {@code exp} and {@code nbf}, and a key from the issuer's JWKS.
 *
 * <p>The JWKS is read on the first verification, never while the function initialises: a SnapStart
 * snapshot must not carry keys the issuer may have rotated since. A URL's keys are cached and
 * refreshed by Nimbus's JWK source (rate-limited refetch on an unknown {@code kid}).
 */
public final class IdentityProviderTokens implements AdminTokenVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderTokens.class);
  static final String DEFAULT_WORKSPACES_CLAIM = "workspaces";
  /** Far above any real ID/access token; stops parsing work on junk before it starts. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;
  /** A claim listing more workspaces than this is not a workspace admin's; refused as garbled. */
  static final int MAX_WORKSPACES = 1000;

  private final String issuer;
  private final String audience;
  private final String jwks;
  private final String workspacesClaim;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  public IdentityProviderTokens(String issuer, String audience, String jwks, Optional<String> workspacesClaim) {
    this.issuer = issuer;
    this.audience = audience;
    this.jwks = jwks;
    this.workspacesClaim = workspacesClaim.orElse(DEFAULT_WORKSPACES_CLAIM);
  }

  @Override
  public Optional<AdminPrincipal> verify(String token) {
    if (token.length() > MAX_TOKEN_LENGTH || token.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWTClaimsSet claims = processor().process(jwt, null);
      return workspaces(claims).map(ws -> AdminPrincipal.workspaceAdmin(claims.getSubject(), ws));
    } catch (IOException e) {
      LOG.warn("The admin JWKS ({}) could not be read: {}", jwks, e.toString());
      return Optional.empty();
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      // Garbled, unsigned, wrongly signed, expired, someone else's: all the same 401.
      return Optional.empty();
    }
  }

  private Optional<Set<String>> workspaces(JWTClaimsSet claims) {
    Object value = claims.getClaim(workspacesClaim);
    if (value == null) {
      return Optional.of(Set.of());
    }
    if (!(value instanceof List<?> list) || list.size() > MAX_WORKSPACES) {
      return Optional.empty();
    }
    Set<String> ids = new HashSet<>();
    for (Object id : list) {
      if (!(id instanceof String s)) {
        return Optional.empty();
      }
      ids.add(s);
    }
    return Optional.of(ids);
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws IOException, ParseException {
    DefaultJWTProcessor<SecurityContext> built = processor;
    if (built == null) {
      synchronized (this) {
        if (processor == null) {
          processor = build();
        }
        built = processor;
      }
    }
    return built;
  }

  private DefaultJWTProcessor<SecurityContext> build() throws IOException, ParseException {
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys()));
    p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        audience,
        new JWTClaimsSet.Builder().issuer(issuer).build(),
        Set.of("sub", "exp")));
    return p;
  }

  private JWKSource<SecurityContext> keys() throws IOException, ParseException {
    if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
      try {
        return JWKSourceBuilder.create(URI.create(jwks).toURL()).build();
      } catch (MalformedURLException e) {
        throw new IOException(e);
      }
    }
    return new ImmutableJWKSet<>(JWKSet.load(Path.of(jwks).toFile()));
  }
}
