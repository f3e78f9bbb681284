package dev.scimlambda.directorysync.okta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.directorysync.DirectoryEntry;
import dev.scimlambda.directorysync.DirectoryUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An Okta User object as a directory user. Okta's user {@code status} decides: DEPROVISIONED is a
 * removal (Okta's "deactivated"; a deleted user was deprovisioned first, and a full pass no longer
 * lists it); SUSPENDED and STAGED (never activated) are inactive; every other status, including
 * LOCKED_OUT and PASSWORD_EXPIRED, is a person who may still work.
 */
final class OktaUsers {

  private static final Set<String> INACTIVE = Set.of("SUSPENDED", "STAGED");

  private OktaUsers() {}

  static DirectoryEntry<DirectoryUser> entry(JsonNode user) {
    String id = user.path("id").asText("");
    if ("DEPROVISIONED".equals(user.path("status").asText())) {
      return DirectoryEntry.removed(id);
    }
    JsonNode profile = user.path("profile");
    String given = text(profile, "firstName");
    String family = text(profile, "lastName");
    String display = text(profile, "displayName");
    if (display == null && (given != null || family != null)) {
      display = String.join(" ", given == null ? "" : given, family == null ? "" : family).trim();
    }
    List<String> emails = new ArrayList<>(2);
    for (String field : List.of("email", "secondEmail")) {
      String email = text(profile, field);
      if (email != null && !emails.contains(email)) {
        emails.add(email);
      }
    }
    String phone = text(profile, "mobilePhone");
    return DirectoryEntry.user(new DirectoryUser(
        id,
        text(profile, "login"),
        given,
        family,
        display,
        emails,
        !INACTIVE.contains(user.path("status").asText()),
        text(profile, "department"),
        text(profile, "title"),
        phone != null ? phone : text(profile, "primaryPhone"),
        text(profile, "managerId"),
        text(profile, "employeeNumber")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
