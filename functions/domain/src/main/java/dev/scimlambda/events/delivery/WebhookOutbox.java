package dev.scimlambda.events.delivery;

import java.util.List;

/**
 * Where events wait for delivery to a customer's endpoint: an SQS queue in AWS, a directory in the
 * embedded stack. Handing events over must never wait on the endpoint itself, which is why the
 * stream processor (whose shard all tenants share) only ever talks to this.
 */
public interface WebhookOutbox {

  /** Returns once every event is stored durably; throws when any is not. */
  void enqueue(List<OutboundEvent> events);
}
