package dev.scimlambda.events;

import java.util.List;

/**
 * Somewhere directory events go. Delivery is at least once: a sink throws when it could not deliver,
 * and the stream redelivers the change, so a sink may see an event again (same id).
 */
public interface EventSink {

  /** Events of one item change, so all of one workspace. */
  void publish(List<DirectoryEvent> events);
}
