package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String SPEC_BODY = "{\"test\": 2432232314}";

  /** The Standard Webhooks specification's own test vector. */
  @Test
  void signsIdDotTimestampDotBodyAsTheStandardWebhooksSpecification() {
    assertThat(WebhookSignature.header(List.of(SPEC_SECRET), SPEC_ID, 1_614_265_330L, SPEC_BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void sendsOneSignaturePerSecretDuringARotation() {
    String header = WebhookSignature.header(
        List.of("whsec_" + "A".repeat(44), SPEC_SECRET), SPEC_ID, 1_614_265_330L, SPEC_BODY);

    assertThat(header.split(" ")).hasSize(2).endsWith("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void readsSecretsIssuedInTheUrlSafeAlphabetAsTheSameKeyBytes() {
    assertThat(WebhookSignature.key("whsec_-_8")).isEqualTo(WebhookSignature.key("whsec_+/8"));
  }
}
