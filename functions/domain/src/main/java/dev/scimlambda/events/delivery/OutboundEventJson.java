package dev.scimlambda.events.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.events.DirectoryEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An {@link OutboundEvent} as an outbox message: the full event, so a queue's dead letters can be
 * replayed without the table. A message over a queue's size limit is gzipped (see {@link #fitting}),
 * which brings group events with many members back under it.
 */
public final class OutboundEventJson {

  /** Marks a gzipped, base64 message; a JSON message always starts with '{'. */
  static final String GZIP_PREFIX = "gzip:";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutboundEventJson() {}

  /** The event a directory change sends to the workspace's webhook, with the body it is signed over. */
  public static OutboundEvent of(DirectoryEvent event) {
    return new OutboundEvent(event.workspaceId(), event.id(), event.type().wireName(), event.occurredAt(),
        event.toJson().toString());
  }

  public static String write(OutboundEvent event) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("workspaceId", event.workspaceId());
    json.put("eventId", event.eventId());
    json.put("eventType", event.eventType());
    json.put("occurredAt", event.occurredAt().toString());
    json.put("body", event.body());
    return json.toString();
  }

  /**
   * The message for a queue taking at most {@code maxBytes}: the JSON, or gzipped when that is
   * larger; throws when even that does not fit, so the change is parked instead of half sent.
   */
  public static String fitting(OutboundEvent event, int maxBytes) {
    String json = write(event);
    if (json.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return json;
    }
    String compressed = GZIP_PREFIX + Base64.getEncoder().encodeToString(gzip(json));
    if (compressed.length() > maxBytes) {
      throw new EventTooLargeException("event " + event.eventId() + " of workspace " + event.workspaceId()
          + " is " + compressed.length() + " bytes compressed, over the outbox's " + maxBytes);
    }
    return compressed;
  }

  public static OutboundEvent read(String message) {
    String json = message.startsWith(GZIP_PREFIX)
        ? gunzip(Base64.getDecoder().decode(message.substring(GZIP_PREFIX.length())))
        : message;
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an outbound event", e);
    }
    return new OutboundEvent(text(node, "workspaceId"), text(node, "eventId"), text(node, "eventType"),
        Instant.parse(text(node, "occurredAt")), text(node, "body"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("outbound event without " + field);
    }
    return value.asText();
  }

  private static byte[] gzip(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String gunzip(byte[] compressed) {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an outbound event", e);
    }
  }

  /** An event no outbox message can hold. */
  public static final class EventTooLargeException extends RuntimeException {
    EventTooLargeException(String message) {
      super(message);
    }
  }
}
