package dev.scimlambda.admin.api;

import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.WebhookOutbox;
import java.util.ArrayList;
import java.util.List;

/** Our own outbox port, recording what the admin API queues; the queue itself is tested with it. */
final class RecordingOutbox implements WebhookOutbox {

  private final List<OutboundEvent> queued = new ArrayList<>();

  @Override
  public synchronized void enqueue(List<OutboundEvent> events) {
    queued.addAll(events);
  }

  synchronized List<OutboundEvent> queued() {
    return List.copyOf(queued);
  }
}
