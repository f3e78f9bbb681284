package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.resource.ETags;
import java.util.List;

/** The SCIM representation of a group: its document, its members when read, {@code id} and {@code meta}. */
public final class GroupRepresentation {

  private GroupRepresentation() {}

  /** @param members null when they were not read (left out of the representation) */
  public static ObjectNode of(ScimGroup group, List<Member> members, String baseUrl) {
    ObjectNode representation = group.document().deepCopy();
    representation.remove("members");
    representation.put("id", group.id());
    if (members != null && !members.isEmpty()) {
      ArrayNode array = representation.putArray("members");
      members.forEach(member -> array.add(Members.toJson(member, baseUrl)));
    }
    ObjectNode meta = representation.putObject("meta");
    meta.put("resourceType", "Group");
    meta.put("created", group.created().toString());
    meta.put("lastModified", group.lastModified().toString());
    meta.put("location", location(baseUrl, group.id()));
    meta.put("version", ETags.of(group.version()));
    return representation;
  }

  public static ObjectNode of(GroupView view, String baseUrl) {
    return of(view.group(), view.members(), baseUrl);
  }

  public static String location(String baseUrl, String id) {
    return baseUrl + "/Groups/" + id;
  }
}
