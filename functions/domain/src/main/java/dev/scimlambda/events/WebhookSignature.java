package dev.scimlambda.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>},
 * the HMAC keyed with the workspace's signing secret over {@code "<t>.<body>"}. Signing the
 * timestamp with the body lets a receiver reject old deliveries replayed by someone who captured one.
 */
public final class WebhookSignature {

  public static final String HEADER = "Scim-Signature";

  private WebhookSignature() {}

  public static String header(String secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hmacHex(secret, epochSeconds + "." + body);
  }

  private static String hmacHex(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
