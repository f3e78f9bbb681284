package dev.scimlambda.events.delivery;

import java.time.Duration;

/** What became of one attempt to deliver an {@link OutboundEvent}, and so what its queue does with it. */
public sealed interface DeliveryOutcome {

  /** The receiver answered 2xx: the queue forgets the event. */
  record Delivered() implements DeliveryOutcome {}

  /** Try again after {@code delay}: the queue keeps the event hidden that long. */
  record RetryAfter(Duration delay) implements DeliveryOutcome {}

  /** Out of attempts or refused for good: the queue moves the full event to its dead-letter queue. */
  record GaveUp(String reason) implements DeliveryOutcome {}

  /** Nothing to deliver to any more (webhook deleted or disabled): the queue forgets the event. */
  record Dropped(String reason) implements DeliveryOutcome {}
}
