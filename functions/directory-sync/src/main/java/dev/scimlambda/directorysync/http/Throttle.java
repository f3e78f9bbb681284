package dev.scimlambda.directorysync.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long a throttled answer tells us to wait, from the headers Graph, Okta and Google send. */
final class Throttle {

  /** A wait longer than a day is a misbehaving header; treat it as a day. */
  private static final Duration LONGEST = Duration.ofDays(1);

  private Throttle() {}

  /**
   * {@code Retry-After} (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), else Okta's {@code
   * X-Rate-Limit-Reset} (epoch seconds when the window resets); empty when neither is usable.
   */
  static Optional<Duration> waitOf(HttpHeaders headers, Instant now) {
    Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::trim);
    if (retryAfter.isPresent()) {
      Optional<Duration> wait = retryAfter(retryAfter.get(), now);
      if (wait.isPresent()) {
        return wait;
      }
    }
    return headers.firstValue("X-Rate-Limit-Reset").flatMap(reset -> epochSeconds(reset.trim(), now));
  }

  private static Optional<Duration> retryAfter(String value, Instant now) {
    if (value.length() <= 10 && !value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      return Optional.of(bounded(Duration.ofSeconds(Long.parseLong(value))));
    }
    if (value.length() > 64) {
      return Optional.empty();
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(bounded(Duration.between(now, at)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> epochSeconds(String value, Instant now) {
    if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(bounded(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(value)))));
  }

  private static Duration bounded(Duration wait) {
    return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
