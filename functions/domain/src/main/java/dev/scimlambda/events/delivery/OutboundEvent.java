package dev.scimlambda.events.delivery;

import java.time.Instant;

/**
 * One event on its way to a workspace's webhook: what the outbox holds and the delivery function
 * takes. A delivery is identified by its event id: a retry or a redelivery is another attempt of the
 * same delivery, under the same {@code webhook-id}, so receivers can drop duplicates.
 *
 * @param body the envelope exactly as it is signed and sent
 */
public record OutboundEvent(String workspaceId, String eventId, String eventType, Instant occurredAt, String body) {}
