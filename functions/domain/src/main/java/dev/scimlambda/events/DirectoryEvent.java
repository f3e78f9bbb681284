package dev.scimlambda.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.time.Instant;

/**
 * One event about a workspace's directory, as delivered to EventBridge and webhooks: a CloudEvents
 * 1.0 event in its structured JSON form, so consumers can use the CloudEvents SDKs and EventBridge
 * and webhook receivers read the same document (docs/events.md).
 *
 * @param id stable across redeliveries of the same change, so consumers can drop duplicates
 * @param source the deployment, {@code scim-lambda.<stage>}
 * @param subject what the event is about inside the workspace: {@code users/<id>}, {@code groups/<id>},
 *     {@code connections/<id>}
 * @param data the user or group, the app user, the changed fields (see docs/events.md)
 */
public record DirectoryEvent(
    String id,
    String source,
    EventType type,
    Instant occurredAt,
    String subject,
    String workspaceId,
    String connectionId,
    ObjectNode data) {

  public static final String SPEC_VERSION = "1.0";
  private static final String SOURCE_PREFIX = "scim-lambda.";

  /** The source of a stage's events. */
  public static String source(String stage) {
    return SOURCE_PREFIX + stage;
  }

  /**
   * The payload consumers receive. Extension attribute names are lower-case letters and digits
   * only, as CloudEvents 1.0 requires, hence {@code workspaceid} rather than {@code workspaceId}.
   */
  public ObjectNode toJson() {
    ObjectNode json = ScimJson.MAPPER.createObjectNode();
    json.put("specversion", SPEC_VERSION);
    json.put("id", id);
    json.put("source", source);
    json.put("type", type.wireName());
    json.put("time", occurredAt.toString());
    json.put("subject", subject);
    json.put("datacontenttype", "application/json");
    json.put("workspaceid", workspaceId);
    json.put("connectionid", connectionId);
    json.set("data", data);
    return json;
  }
}
