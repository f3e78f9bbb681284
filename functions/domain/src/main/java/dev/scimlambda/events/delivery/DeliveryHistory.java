package dev.scimlambda.events.delivery;

import dev.scimlambda.events.Webhooks;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What the admin sees of a workspace's webhook deliveries, and redelivery: the stored event goes
 * back to the outbox under its own event id, and its attempts count afresh.
 */
public final class DeliveryHistory {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  /**
   * Redeliveries per bulk call: each reads its event (up to ~270 KB) back, so a call stays well
   * inside API Gateway's 29 s; the response says when more remain.
   */
  public static final int MAX_BULK_REDELIVERIES = 50;
  /** A delivery id: 19 characters of time, '_', an event id; event ids are far shorter than this. */
  private static final int MAX_ID_LENGTH = 200;
  private static final int MAX_CURSOR_LENGTH = 300;

  private final DeliveryLog log;
  private final Webhooks webhooks;
  private final WebhookOutbox outbox;
  private final Clock clock;

  public DeliveryHistory(DeliveryLog log, Webhooks webhooks, WebhookOutbox outbox, Clock clock) {
    this.log = log;
    this.webhooks = webhooks;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** One page, newest first; {@link Page#nextCursor} continues it. */
  public Page page(String workspaceId, String status, Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    DeliveryStatus wanted = status(status);
    String after = cursor == null || cursor.isBlank() ? null : decode(cursor);
    webhooks.get(workspaceId);
    DeliveryLog.Page page = log.page(workspaceId, wanted, size, after);
    return new Page(page.deliveries(), page.cursor() == null ? null : encode(page.cursor()));
  }

  public Delivery get(String workspaceId, String deliveryId) {
    webhooks.get(workspaceId);
    return find(workspaceId, deliveryId);
  }

  /** Queues the delivery's event again and returns the delivery as it now stands. */
  public Delivery redeliver(String workspaceId, String deliveryId) {
    webhooks.get(workspaceId);
    Delivery before = find(workspaceId, deliveryId);
    Delivery again = before.redelivered(clock.instant());
    // Logged before it is queued: the consumer must find the new series, not overwrite it.
    log.save(again);
    enqueueOrRestore(List.of(before));
    return again;
  }

  /**
   * Queues the failed deliveries of events since {@code since}, at most
   * {@link #MAX_BULK_REDELIVERIES}. Calling again with the same {@code since} goes on (what was
   * queued is no longer failed); the cursor skips what this call read, which matters when
   * thousands of delivered events lie between failed ones.
   *
   * @param cursor {@link BulkRedelivery#cursor} of the previous call, or null
   */
  public BulkRedelivery redeliverFailedSince(String workspaceId, String since, String cursor) {
    Instant from = instant(since);
    String after = cursor == null || cursor.isBlank() ? null : decode(cursor);
    if (after != null && after.compareTo(Delivery.idFrom(from)) < 0) {
      throw new InvalidInputException("cursor", "cursor is not a cursor this endpoint returned for this since");
    }
    webhooks.get(workspaceId);
    DeliveryLog.Page failed = log.failedSince(workspaceId, from, MAX_BULK_REDELIVERIES, after);
    Instant now = clock.instant();
    List<Delivery> queued = new ArrayList<>();
    for (Delivery summary : failed.deliveries()) {
      // Pages leave the bodies out; the full item is one GetItem away.
      Delivery full = log.find(workspaceId, summary.id()).orElse(null);
      if (full != null && full.status() == DeliveryStatus.FAILED) {
        log.save(full.redelivered(now));
        queued.add(full);
      }
    }
    if (!queued.isEmpty()) {
      enqueueOrRestore(queued);
    }
    return new BulkRedelivery(queued.size(), failed.cursor() == null ? null : encode(failed.cursor()));
  }

  /**
   * A delivery left "pending" with nothing queued would never be attempted, so when the outbox
   * refuses, the log goes back to what it said. Should some events have been queued after all, a
   * consumer attempting a failed delivery starts a new series, which is what was asked for.
   */
  private void enqueueOrRestore(List<Delivery> before) {
    try {
      outbox.enqueue(before.stream().map(Delivery::event).toList());
    } catch (RuntimeException e) {
      before.forEach(log::save);
      throw e;
    }
  }

  private Delivery find(String workspaceId, String deliveryId) {
    if (!validId(deliveryId)) {
      throw new InvalidInputException("id", "not a delivery id");
    }
    return log.find(workspaceId, deliveryId)
        .orElseThrow(() -> new NotFoundException("workspace " + workspaceId + " has no delivery " + deliveryId));
  }

  /** The shape {@link Delivery#idOf} gives: ids are key parts, so nothing else gets near the table. */
  static boolean validId(String id) {
    if (id == null || id.length() < 21 || id.length() > MAX_ID_LENGTH || id.charAt(19) != '_') {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || c == '-' || c == '_' || c == '.' || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static DeliveryStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    for (DeliveryStatus candidate : DeliveryStatus.values()) {
      if (candidate.name().toLowerCase(Locale.ROOT).equals(status.strip())) {
        return candidate;
      }
    }
    throw new InvalidInputException("status", "status must be pending, retrying, delivered, failed or dropped");
  }

  private static Instant instant(String since) {
    if (since == null || since.isBlank() || since.length() > 40) {
      throw new InvalidInputException("since", "since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
    try {
      return Instant.parse(since.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("since", "since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  private static String encode(String deliveryId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(deliveryId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      if (cursor.length() <= MAX_CURSOR_LENGTH) {
        String id = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        if (validId(id)) {
          return id;
        }
      }
    } catch (IllegalArgumentException notBase64) {
      // refused below
    }
    throw new InvalidInputException("cursor", "cursor is not a cursor this endpoint returned");
  }

  /** @param nextCursor null on the last page */
  public record Page(List<Delivery> deliveries, String nextCursor) {}

  /** @param cursor where the next call goes on, null when no failed delivery is left */
  public record BulkRedelivery(int redelivered, String cursor) {

    public boolean moreRemain() {
      return cursor != null;
    }
  }
}
