package dev.scimlambda.admin.api;

import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.WebhookOutbox;
import java.util.ArrayList;
import java.util.List;

/** Our own outbox port, recording what the admin API queues; the queue itself is tested with it. */
final class RecordingOutbox implements WebhookOutbox {

  private final List<OutboundEvent> queued = new ArrayList<>();
  private RuntimeException refusal;

  @Override
  public synchronized void enqueue(List<OutboundEvent> events) {
    if (refusal != null) {
      RuntimeException thrown = refusal;
      refusal = null;
      throw thrown;
    }
    queued.addAll(events);
  }

  /** The next enqueue throws, as the SQS outbox does when the queue cannot be reached. */
  synchronized void refuseNext(RuntimeException e) {
    refusal = e;
  }

  synchronized List<OutboundEvent> queued() {
    return List.copyOf(queued);
  }
}
