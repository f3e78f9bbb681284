package dev.scimlambda.directorysync.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA private keys the directories hand out, for signing JWT assertions: a JWK (Okta's Admin
 * Console) or a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}: Okta's PEM download and the
 * {@code private_key} of a Google service account key file). Read with the JDK, so no PEM library
 * joins the function. Empty when the text is none of these; the text itself is never echoed.
 */
public final class SigningKeys {

  private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PKCS8_END = "-----END PRIVATE KEY-----";

  private SigningKeys() {}

  public static Optional<RSAKey> rsaPrivateKey(String text) {
    String trimmed = text == null ? "" : text.strip();
    try {
      if (trimmed.startsWith("{")) {
        JWK jwk = JWK.parse(trimmed);
        return jwk instanceof RSAKey rsa && rsa.isPrivate() ? Optional.of(rsa) : Optional.empty();
      }
      int begin = trimmed.indexOf(PKCS8_BEGIN);
      int end = trimmed.indexOf(PKCS8_END);
      if (begin < 0 || end < begin) {
        return Optional.empty();
      }
      byte[] der = Base64.getMimeDecoder().decode(trimmed.substring(begin + PKCS8_BEGIN.length(), end));
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
        return Optional.empty();
      }
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return Optional.of(new RSAKey.Builder(publicKey).privateKey(key).build());
    } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
