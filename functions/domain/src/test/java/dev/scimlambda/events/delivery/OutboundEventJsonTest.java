package dev.scimlambda.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboundEventJsonTest {

  private static OutboundEvent event(String body) {
    return new OutboundEvent("ws1", "evt_1", "user.created", Instant.parse("2026-12-05T03:00:00Z"), body);
  }

  @Test
  void anEventReadsBackAsWritten() {
    OutboundEvent event = event("{\"id\":\"evt_1\",\"data\":{\"displayName\":\"Zoë\"}}");

    assertThat(OutboundEventJson.read(OutboundEventJson.write(event))).isEqualTo(event);
  }

  @Test
  void anEventThatFitsIsPlainJson() {
    OutboundEvent event = event("{}");

    assertThat(OutboundEventJson.fitting(event, 1024)).isEqualTo(OutboundEventJson.write(event));
  }

  @Test
  void anEventOverTheLimitIsGzippedAndReadsBackWhole() {
    OutboundEvent event = event("{\"members\":\"" + "user-1234,".repeat(5_000) + "\"}");

    String message = OutboundEventJson.fitting(event, 4096);

    assertThat(message).startsWith(OutboundEventJson.GZIP_PREFIX).hasSizeLessThanOrEqualTo(4096);
    assertThat(OutboundEventJson.read(message)).isEqualTo(event);
  }

  @Test
  void anEventTooLargeEvenGzippedIsRefused() {
    OutboundEvent event = event("{\"members\":\"" + "user-1234,".repeat(5_000) + "\"}");

    assertThatThrownBy(() -> OutboundEventJson.fitting(event, 100))
        .isInstanceOf(OutboundEventJson.EventTooLargeException.class).hasMessageContaining("evt_1");
  }

  @Test
  void aMessageMissingAFieldIsNoEvent() {
    assertThatThrownBy(() -> OutboundEventJson.read("{\"workspaceId\":\"ws1\"}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutboundEventJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
  }
}
