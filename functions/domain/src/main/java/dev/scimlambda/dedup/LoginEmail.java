package dev.scimlambda.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The email a person signs in with, which is how a provisioned user is matched to an existing app
 * user (email dedup: one account per login email in a workspace, claimed in the email index): the primary email, else the first email, else the userName when it is an email (Okta's
 * default). Compared trimmed and case-insensitively.
 */
public final class LoginEmail {

  private LoginEmail() {}

  /** As sent, trimmed; null when the user has none. */
  public static String of(JsonNode document) {
    String first = null;
    for (JsonNode email : document.path("emails")) {
      String value = email.path("value").asText("").trim();
      if (value.isEmpty()) {
        continue;
      }
      if (email.path("primary").asBoolean(false)) {
        return value;
      }
      if (first == null) {
        first = value;
      }
    }
    if (first != null) {
      return first;
    }
    String userName = document.path("userName").asText("").trim();
    return userName.contains("@") ? userName : null;
  }

  public static String key(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }
}
