package dev.scimlambda.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries with the Standard Webhooks scheme (standardwebhooks.com), which Svix,
 * Clerk, Resend and others use, so receivers can verify with the official libraries: headers
 * {@value #ID_HEADER}, {@value #TIMESTAMP_HEADER} and {@value #SIGNATURE_HEADER}, the signature
 * {@code v1,<base64 HMAC-SHA256>} over {@code "<id>.<timestamp>.<body>"}, keyed with the base64
 * bytes after the secret's {@code whsec_} prefix. During a secret rotation's overlap the header
 * carries one signature per secret, space-separated, so receivers holding either secret verify.
 */
public final class WebhookSignature {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";
  static final String SECRET_PREFIX = "whsec_";

  private WebhookSignature() {}

  /** The {@value #SIGNATURE_HEADER} value: one {@code v1,<signature>} per secret, newest first. */
  public static String header(List<String> secrets, String messageId, long epochSeconds, String body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a delivery is signed with at least one secret");
    }
    String signed = messageId + "." + epochSeconds + "." + body;
    return secrets.stream().map(secret -> "v1," + hmacBase64(key(secret), signed)).collect(Collectors.joining(" "));
  }

  /**
   * The key bytes of a secret: base64 after the prefix. Secrets made before this scheme were
   * base64url; both alphabets decode to the same bytes receivers were given.
   */
  static byte[] key(String secret) {
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    boolean urlAlphabet = encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0;
    return (urlAlphabet ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(encoded);
  }

  private static String hmacBase64(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
