package dev.scimlambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleLimitsTest {

  @Test
  void throttlingIsOffByDefault() {
    assertThat(LocalStackConfig.from(Map.of(), List.of()).throttle()).isEmpty();
  }

  @Test
  void theRateAndBurstComeFromTheEnvironment() {
    LocalStackConfig config = LocalStackConfig.from(
        Map.of("SCIM_THROTTLE_RATE_LIMIT", "2.5", "SCIM_THROTTLE_BURST_LIMIT", "20"), List.of());
    assertThat(config.throttle()).contains(new ThrottleLimits(2.5, 20));
  }

  @Test
  void theBurstDefaultsToTheRateRoundedUp() {
    assertThat(ThrottleLimits.from(Map.of("SCIM_THROTTLE_RATE_LIMIT", "2.5"))).isEqualTo(Optional.of(new ThrottleLimits(2.5, 3)));
  }

  @Test
  void aBurstWithoutARateOrANonNumberIsRefusedWithTheVariablesName() {
    assertThatThrownBy(() -> ThrottleLimits.from(Map.of("SCIM_THROTTLE_BURST_LIMIT", "5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCIM_THROTTLE_RATE_LIMIT");
    assertThatThrownBy(() -> ThrottleLimits.from(Map.of("SCIM_THROTTLE_RATE_LIMIT", "fast")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCIM_THROTTLE_RATE_LIMIT");
    assertThatThrownBy(() -> ThrottleLimits.from(Map.of("SCIM_THROTTLE_RATE_LIMIT", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
