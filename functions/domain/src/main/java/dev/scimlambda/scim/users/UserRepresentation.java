package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.resource.ETags;
import java.util.List;

/** The SCIM representation of a stored user: its document plus the server-owned {@code id} and {@code meta}. */
public final class UserRepresentation {

  private UserRepresentation() {}

  /** @param baseUrl the connection's SCIM base URL */
  public static ObjectNode of(ScimUser user, String baseUrl) {
    ObjectNode representation = user.document().deepCopy();
    representation.put("id", user.id());
    ObjectNode meta = representation.putObject("meta");
    meta.put("resourceType", "User");
    meta.put("created", user.created().toString());
    meta.put("lastModified", user.lastModified().toString());
    meta.put("location", location(baseUrl, user.id()));
    meta.put("version", ETags.of(user.version()));
    return representation;
  }

  /** With the read-only {@code groups}, typed {@code direct} or {@code indirect} (RFC 7643 §4.1.2). */
  public static ObjectNode of(ScimUser user, String baseUrl, List<Memberships.GroupRef> groups) {
    ObjectNode representation = of(user, baseUrl);
    if (!groups.isEmpty()) {
      ArrayNode array = representation.putArray("groups");
      for (Memberships.GroupRef group : groups) {
        ObjectNode node = array.addObject();
        node.put("value", group.id());
        node.put("$ref", baseUrl + "/Groups/" + group.id());
        if (group.display() != null) {
          node.put("display", group.display());
        }
        node.put("type", group.direct() ? "direct" : "indirect");
      }
    }
    return representation;
  }

  public static String location(String baseUrl, String id) {
    return baseUrl + "/Users/" + id;
  }
}
