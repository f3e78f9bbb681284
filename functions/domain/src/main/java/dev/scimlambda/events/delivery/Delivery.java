package dev.scimlambda.events.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery of one event to one workspace's webhook, across all its attempts and redeliveries.
 * Its id leads with the event's time, so the log lists deliveries newest first without an index,
 * and ends with the event id, so attempting an event finds its delivery without a lookup.
 *
 * @param attemptsInSeries attempts since the delivery was first tried or last redelivered; the
 *     schedule counts these
 * @param attempts the latest {@link #MAX_ATTEMPTS_KEPT} attempts, oldest first
 * @param outcome why the delivery stands where it does, empty while pending
 * @param body the event exactly as sent, for redelivery
 */
public record Delivery(
    String workspaceId,
    String id,
    String eventId,
    String eventType,
    Instant occurredAt,
    Instant createdAt,
    DeliveryStatus status,
    int attemptsInSeries,
    List<DeliveryAttempt> attempts,
    Optional<Instant> nextAttemptAt,
    String outcome,
    String body) {

  /**
   * Attempts kept per delivery: a day of retries plus a few redeliveries, while the item (with an
   * event of up to ~270 KB) stays under DynamoDB's 400 KB.
   */
  public static final int MAX_ATTEMPTS_KEPT = 30;

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  public Delivery {
    attempts = List.copyOf(attempts);
  }

  /** A delivery not attempted yet. */
  public static Delivery pending(OutboundEvent event, Instant now) {
    return new Delivery(event.workspaceId(), idOf(event), event.eventId(), event.eventType(), event.occurredAt(), now,
        DeliveryStatus.PENDING, 0, List.of(), Optional.empty(), "", event.body());
  }

  /** Fixed width time, then the event id: string order is time order. */
  public static String idOf(OutboundEvent event) {
    return ID_TIME.format(event.occurredAt()) + "_" + event.eventId();
  }

  /** The prefix of the ids of deliveries of events that occurred at or after {@code since}. */
  public static String idFrom(Instant since) {
    return ID_TIME.format(since);
  }

  public OutboundEvent event() {
    return new OutboundEvent(workspaceId, eventId, eventType, occurredAt, body);
  }

  /**
   * An attempt after the delivery settled as failed or dropped (a dead-letter redrive) starts
   * counting afresh; a continuing series keeps its count.
   */
  Delivery forNextAttempt() {
    return status.settled()
        ? new Delivery(workspaceId, id, eventId, eventType, occurredAt, createdAt, DeliveryStatus.PENDING, 0, attempts,
            Optional.empty(), "", body)
        : this;
  }

  /** Asked for again by an admin: a new series of attempts under the same event id. */
  Delivery redelivered(Instant now) {
    return new Delivery(workspaceId, id, eventId, eventType, occurredAt, createdAt, DeliveryStatus.PENDING, 0, attempts,
        Optional.of(now), "redelivery requested", body);
  }

  Delivery after(DeliveryAttempt attempt, DeliveryStatus newStatus, Optional<Instant> next, String newOutcome) {
    List<DeliveryAttempt> kept = new ArrayList<>(attempts);
    kept.add(attempt);
    if (kept.size() > MAX_ATTEMPTS_KEPT) {
      kept = kept.subList(kept.size() - MAX_ATTEMPTS_KEPT, kept.size());
    }
    return new Delivery(workspaceId, id, eventId, eventType, occurredAt, createdAt, newStatus, attemptsInSeries + 1,
        kept, next, newOutcome, body);
  }

  Delivery settledWithoutAttempt(DeliveryStatus newStatus, String newOutcome) {
    return new Delivery(workspaceId, id, eventId, eventType, occurredAt, createdAt, newStatus, attemptsInSeries,
        attempts, Optional.empty(), newOutcome, body);
  }

  Delivery heldBack(Instant next, String why) {
    return new Delivery(workspaceId, id, eventId, eventType, occurredAt, createdAt, status, attemptsInSeries, attempts,
        Optional.of(next), why, body);
  }
}
