package dev.scimlambda.directorysync.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.directorysync.DirectoryEntry;
import dev.scimlambda.directorysync.DirectoryUser;
import java.util.List;

/**
 * A Directory API User resource as a directory user. Suspended and archived accounts are inactive;
 * deleted accounts are not listed at all, so the engine's full-pass sweep deactivates them. The
 * manager ({@code relations[type=manager]}) is an email there, not an id, so it is not carried.
 */
final class GoogleUsers {

  private GoogleUsers() {}

  static DirectoryEntry<DirectoryUser> entry(JsonNode user) {
    JsonNode name = user.path("name");
    String primaryEmail = text(user, "primaryEmail");
    JsonNode organization = primary(user.path("organizations"));
    JsonNode phone = primary(user.path("phones"));
    return DirectoryEntry.user(new DirectoryUser(
        text(user, "id"),
        primaryEmail,
        text(name, "givenName"),
        text(name, "familyName"),
        text(name, "fullName"),
        primaryEmail == null ? List.of() : List.of(primaryEmail),
        !user.path("suspended").asBoolean(false) && !user.path("archived").asBoolean(false),
        organization == null ? null : text(organization, "department"),
        organization == null ? null : text(organization, "title"),
        phone == null ? null : text(phone, "value"),
        null,
        employeeNumber(user.path("externalIds"))));
  }

  /** The entry marked primary, else the first; null when there is none. */
  private static JsonNode primary(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      return null;
    }
    for (JsonNode item : list) {
      if (item.path("primary").asBoolean(false)) {
        return item;
      }
    }
    return list.get(0);
  }

  /** Google's "Employee ID" is the external id of type {@code organization}. */
  private static String employeeNumber(JsonNode externalIds) {
    if (externalIds.isArray()) {
      for (JsonNode id : externalIds) {
        if ("organization".equals(id.path("type").asText())) {
          return text(id, "value");
        }
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
