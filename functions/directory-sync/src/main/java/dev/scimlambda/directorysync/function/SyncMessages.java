package dev.scimlambda.directorysync.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The sync queue's messages: {@code {"connectionId", "runId"}} (work on that run) or {@code
 * {"tick": true}} (the schedule: start the runs that are due).
 */
final class SyncMessages {

  /** Runs a tick starts at most; more due connections wait for the next tick, five minutes on. */
  static final int DUE_RUNS_PER_TICK = 200;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SyncMessages() {}

  record Work(String connectionId, String runId) {}

  static String work(String connectionId, String runId) {
    return MAPPER.createObjectNode().put("connectionId", connectionId).put("runId", runId).toString();
  }

  /** The run a message names, or empty for a tick; an unreadable message is a tick too (harmless). */
  static Optional<Work> parse(String body) {
    try {
      JsonNode node = MAPPER.readTree(body == null || body.length() > 4_096 ? "{}" : body);
      if (node.path("connectionId").isTextual() && node.path("runId").isTextual()) {
        return Optional.of(new Work(node.get("connectionId").asText(), node.get("runId").asText()));
      }
    } catch (IOException e) {
      // fall through: a tick
    }
    return Optional.empty();
  }
}
