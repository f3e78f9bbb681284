package dev.scimlambda.stream;

import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.OutboundEventJson;
import dev.scimlambda.events.delivery.WebhookOutbox;
import java.util.List;

/**
 * Hands a workspace's events to the webhook outbox when it has an enabled webhook. Nothing here
 * waits on the customer's endpoint: the stream's shard is shared by every workspace, so one hanging
 * receiver must not hold back the tags and seats of the others. The delivery function (or the
 * embedded stack's worker) sends them from the outbox.
 */
public final class WebhookOutboxSink implements EventSink {

  private final Webhooks webhooks;
  private final WebhookOutbox outbox;

  public WebhookOutboxSink(Webhooks webhooks, WebhookOutbox outbox) {
    this.webhooks = webhooks;
    this.outbox = outbox;
  }

  @Override
  public void publish(List<DirectoryEvent> events) {
    if (events.isEmpty() || !webhooks.hasEnabledWebhook(events.get(0).workspaceId())) {
      return;
    }
    outbox.enqueue(events.stream().map(OutboundEventJson::of).toList());
  }
}
