package dev.scimlambda.events.delivery;

/**
 * Attempts deliveries: the one thing a delivery queue's consumer calls, whatever the queue. It signs,
 * posts with a short timeout, records the attempt in the workspace's delivery log, keeps the
 * endpoint's circuit, and says when to try again.
 */
public interface WebhookDeliveries {

  DeliveryOutcome attempt(OutboundEvent event);
}
