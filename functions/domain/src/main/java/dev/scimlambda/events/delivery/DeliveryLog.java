package dev.scimlambda.events.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each workspace's webhook deliveries: what was sent, each attempt, and how it ended. */
public interface DeliveryLog {

  /** Stores the delivery as it now stands, replacing what was there under its id. */
  void save(Delivery delivery);

  Optional<Delivery> find(String workspaceId, String deliveryId);

  /**
   * Deliveries newest first, optionally only those with {@code status}; without their bodies (an
   * event can be ~270 KB): {@link #find} has the body.
   *
   * @param cursor from the previous page, null for the first
   */
  Page page(String workspaceId, DeliveryStatus status, int limit, String cursor);

  /**
   * Failed deliveries of events that occurred at or after {@code since}, oldest first, at most
   * {@code limit}; {@link Page#cursor} is set when more may remain. A call reads a bounded part of
   * the log, so a page can end with a cursor and few or no deliveries when most are not failed.
   *
   * @param cursor from the previous page, null to start at {@code since}
   */
  Page failedSince(String workspaceId, Instant since, int limit, String cursor);

  /** @param cursor where the next page starts, null on the last page */
  record Page(List<Delivery> deliveries, String cursor) {
    public Page {
      deliveries = List.copyOf(deliveries);
    }
  }
}
