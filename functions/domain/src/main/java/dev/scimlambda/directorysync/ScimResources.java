package dev.scimlambda.directorysync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.Collection;

/**
 * Directory records as the SCIM documents an IdP would push: the pulled user then goes through
 * exactly the rules, mapping and side effects of a pushed one. The directory's id is the
 * {@code externalId}, as Entra and Okta send it over SCIM.
 */
final class ScimResources {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private ScimResources() {}

  static ObjectNode user(DirectoryUser user) {
    ObjectNode doc = ScimJson.MAPPER.createObjectNode();
    ArrayNode schemas = doc.putArray("schemas").add(USER_SCHEMA);
    doc.put("userName", user.userName());
    doc.put("externalId", user.providerId());
    if (user.givenName() != null || user.familyName() != null) {
      ObjectNode name = doc.putObject("name");
      putIfSet(name, "givenName", user.givenName());
      putIfSet(name, "familyName", user.familyName());
    }
    putIfSet(doc, "displayName", user.displayName());
    putIfSet(doc, "title", user.title());
    doc.put("active", user.active());
    if (!user.emails().isEmpty()) {
      ArrayNode emails = doc.putArray("emails");
      boolean primary = true;
      for (String email : user.emails().subList(0, Math.min(user.emails().size(), 20))) {
        emails.addObject().put("value", email).put("type", primary ? "work" : "other").put("primary", primary);
        primary = false;
      }
    }
    if (user.phoneNumber() != null) {
      doc.putArray("phoneNumbers").addObject().put("value", user.phoneNumber()).put("type", "work");
    }
    if (user.department() != null || user.employeeNumber() != null) {
      schemas.add(ScimSchemas.ENTERPRISE_USER);
      ObjectNode enterprise = doc.putObject(ScimSchemas.ENTERPRISE_USER);
      putIfSet(enterprise, "department", user.department());
      putIfSet(enterprise, "employeeNumber", user.employeeNumber());
    }
    return doc;
  }

  static ObjectNode group(String providerId, String displayName) {
    ObjectNode doc = ScimJson.MAPPER.createObjectNode();
    doc.putArray("schemas").add(GROUP_SCHEMA);
    doc.put("displayName", displayName);
    doc.put("externalId", providerId);
    return doc;
  }

  static ObjectNode deactivation() {
    ObjectNode patch = patch();
    ((ArrayNode) patch.get("Operations")).addObject().put("op", "replace").put("path", "active").put("value", false);
    return patch;
  }

  static ObjectNode rename(String displayName) {
    ObjectNode patch = patch();
    ((ArrayNode) patch.get("Operations")).addObject().put("op", "replace").put("path", "displayName")
        .put("value", displayName);
    return patch;
  }

  static ObjectNode addMembers(Collection<String> scimUserIds) {
    ObjectNode patch = patch();
    ArrayNode value = ((ArrayNode) patch.get("Operations")).addObject().put("op", "add").put("path", "members")
        .putArray("value");
    scimUserIds.forEach(id -> value.addObject().put("value", id));
    return patch;
  }

  /** The list form Entra sends ({@code remove members} with a value), which needs no read of all members. */
  static ObjectNode removeMembers(Collection<String> scimUserIds) {
    ObjectNode patch = patch();
    ArrayNode value = ((ArrayNode) patch.get("Operations")).addObject().put("op", "remove").put("path", "members")
        .putArray("value");
    scimUserIds.forEach(id -> value.addObject().put("value", id));
    return patch;
  }

  private static ObjectNode patch() {
    ObjectNode patch = ScimJson.MAPPER.createObjectNode();
    patch.putArray("schemas").add(PATCH_SCHEMA);
    patch.putArray("Operations");
    return patch;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
