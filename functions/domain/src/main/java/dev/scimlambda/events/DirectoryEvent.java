package dev.scimlambda.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.time.Instant;

/**
 * One event about a workspace's directory, as delivered to EventBridge and webhooks.
 *
 * @param id stable across redeliveries of the same change, so consumers can drop duplicates
 * @param data the user or group, the app user, the changed fields (see README, "Events")
 */
public record DirectoryEvent(
    String id, EventType type, Instant occurredAt, String workspaceId, String connectionId, ObjectNode data) {

  /** The payload consumers receive. */
  public ObjectNode toJson() {
    ObjectNode json = ScimJson.MAPPER.createObjectNode();
    json.put("id", id);
    json.put("type", type.wireName());
    json.put("occurredAt", occurredAt.toString());
    json.put("workspaceId", workspaceId);
    json.put("connectionId", connectionId);
    json.set("data", data);
    return json;
  }
}
