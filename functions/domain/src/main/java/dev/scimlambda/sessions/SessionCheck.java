package dev.scimlambda.sessions;

/**
 * The answer to "may this session still be used?".
 *
 * @param reason {@code valid} or why not: {@code unknown_user}, {@code deleted}, {@code deactivated},
 *     {@code no_group_access}, {@code no_seat}, {@code reauthentication_required},
 *     {@code deprovisioned_since_issued}, {@code expired}
 */
public record SessionCheck(boolean valid, String reason) {

  static SessionCheck ok() {
    return new SessionCheck(true, "valid");
  }

  static SessionCheck invalid(String reason) {
    return new SessionCheck(false, reason);
  }
}
