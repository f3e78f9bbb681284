package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test */
  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}"))
        .isEqualTo("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
  }
}
