package dev.scimlambda.local;

import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's default-route throttling ({@code ThrottleRateLimit}, {@code ThrottleBurstLimit} of
 * template.yaml), for the local gateway: each route may take {@code burstLimit} requests at once and
 * {@code rateLimit} per second after that. Locally it is off unless {@code SCIM_THROTTLE_RATE_LIMIT}
 * is set ({@code SCIM_THROTTLE_BURST_LIMIT} defaults to the rate, rounded up).
 */
public record ThrottleLimits(double rateLimit, int burstLimit) {

  static final String RATE_VARIABLE = "SCIM_THROTTLE_RATE_LIMIT";
  static final String BURST_VARIABLE = "SCIM_THROTTLE_BURST_LIMIT";

  public ThrottleLimits {
    if (!(rateLimit > 0) || Double.isInfinite(rateLimit) || burstLimit < 1) {
      throw new IllegalArgumentException(
          "throttling needs a rate above 0 per second and a burst of at least 1, not rate " + rateLimit + ", burst " + burstLimit);
    }
  }

  static Optional<ThrottleLimits> from(Map<String, String> environment) {
    Optional<String> rate = value(environment, RATE_VARIABLE);
    Optional<String> burst = value(environment, BURST_VARIABLE);
    if (rate.isEmpty()) {
      if (burst.isPresent()) {
        throw new IllegalArgumentException(BURST_VARIABLE + " needs " + RATE_VARIABLE + " (requests per second) too");
      }
      return Optional.empty();
    }
    double r = number(RATE_VARIABLE, rate.get());
    int b = burst.map(s -> (int) number(BURST_VARIABLE, s)).orElse((int) Math.ceil(r));
    return Optional.of(new ThrottleLimits(r, b));
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
    }
  }
}
