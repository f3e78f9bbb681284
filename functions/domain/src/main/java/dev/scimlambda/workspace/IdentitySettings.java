package dev.scimlambda.workspace;

import java.time.Duration;
import java.time.Instant;

/**
 * How sign-in sessions of a workspace behave; the host app enforces them when it validates a session.
 *
 * @param sessionDuration how long a session lasts before the user must sign in again
 * @param sessionsValidAfter sessions issued before this instant are invalid ("force re-authentication");
 *     null when never forced
 * @param revokeSessionsOnDeprovision whether a deactivated or deleted user loses access at once rather
 *     than when the session expires
 */
public record IdentitySettings(
    Duration sessionDuration, Instant sessionsValidAfter, boolean revokeSessionsOnDeprovision) {

  public static final Duration DEFAULT_SESSION = Duration.ofHours(24);
  static final Duration MIN_SESSION = Duration.ofMinutes(5);
  static final Duration MAX_SESSION = Duration.ofDays(90);

  public static IdentitySettings defaults() {
    return new IdentitySettings(DEFAULT_SESSION, null, true);
  }
}
