package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;

/** Members in their SCIM form. */
final class Members {

  private Members() {}

  /** @param baseUrl the connection's SCIM base URL for {@code $ref}; null leaves it out */
  static ObjectNode toJson(Member member, String baseUrl) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("value", member.value());
    if (baseUrl != null && member.type() != null) {
      node.put("$ref", baseUrl + (Member.GROUP.equals(member.type()) ? "/Groups/" : "/Users/") + member.value());
    }
    if (member.type() != null) {
      node.put("type", member.type());
    }
    if (member.display() != null) {
      node.put("display", member.display());
    }
    return node;
  }
}
