package dev.scimlambda.random;

import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers and secrets from a CSPRNG: guessable ids would let one tenant probe another's URLs. */
public final class SecureRandomIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] LOWERCASE = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private SecureRandomIds() {}

  /** {@code length} characters of a-z and 0-9 (about 5.2 bits each). */
  public static String lowercase(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = LOWERCASE[RANDOM.nextInt(LOWERCASE.length)];
    }
    return new String(out);
  }

  public static byte[] bytes(int count) {
    byte[] raw = new byte[count];
    RANDOM.nextBytes(raw);
    return raw;
  }

  /** {@code bytes} random bytes, URL-safe base64 without padding. */
  public static String base64Url(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
