package dev.scimlambda.connection;

import dev.scimlambda.random.SecureRandomIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Issuing and comparing connection secrets. */
public final class BearerSecrets {

  /** A recognisable prefix lets secret scanners (and people) tell what a leaked token is. */
  static final String PREFIX = "scim_";
  private static final int RANDOM_BYTES = 32;

  private BearerSecrets() {}

  /** 256 bits from a CSPRNG. */
  public static String newSecret() {
    return PREFIX + SecureRandomIds.base64Url(RANDOM_BYTES);
  }

  /** A Secrets Manager version id (its ClientRequestToken must be 32-64 characters). */
  public static String newVersionId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Compares in time independent of where the inputs differ and of their lengths: both sides are
   * hashed first, so {@link MessageDigest#isEqual} always sees two 32-byte arrays.
   */
  public static boolean matches(String presented, String expected) {
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The token of an RFC 6750 {@code Authorization: Bearer <token>} header; the scheme is case-insensitive. */
  public static Optional<String> fromAuthorizationHeader(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      return Optional.empty();
    }
    String token = value.substring(space + 1).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
