package dev.scimlambda.stream;

import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.observability.OperationalMetrics;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes events to an EventBridge bus: source the event's ({@code scim-lambda.<stage>}), detail
 * type the event type, detail the CloudEvents envelope webhooks get. PutEvents can accept some entries of a call and refuse others, so the
 * refused ones are sent again with backoff; if some still fail this throws and the stream redelivers.
 */
public final class EventBridgeSink implements EventSink {

  /** PutEvents takes at most 10 entries a call. */
  static final int MAX_ENTRIES = 10;
  /** The value of the metrics' Destination dimension. */
  static final String DESTINATION = "eventbridge";

  private final EventBridgeClient client;
  private final String busName;
  private final RetryPolicy retries;
  private final OperationalMetrics metrics;

  public EventBridgeSink(EventBridgeClient client, String busName, RetryPolicy retries) {
    this(client, busName, retries, OperationalMetrics.NONE);
  }

  public EventBridgeSink(EventBridgeClient client, String busName, RetryPolicy retries, OperationalMetrics metrics) {
    this.client = client;
    this.busName = busName;
    this.retries = retries;
    this.metrics = metrics;
  }

  @Override
  public void publish(List<DirectoryEvent> events) {
    List<PutEventsRequestEntry> entries = events.stream().map(this::entry).toList();
    for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
      putAll(entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES)));
    }
  }

  /**
   * Counts one attempted delivery per event, whatever its retries, and as failed those the bus did
   * not take: still refused after the last attempt, or all those sent when the call itself failed.
   */
  private void putAll(List<PutEventsRequestEntry> batch) {
    metrics.add(OperationalMetric.EVENT_DELIVERIES_ATTEMPTED, batch.size(), DESTINATION);
    List<PutEventsRequestEntry> pending = batch;
    for (int attempt = 1; ; attempt++) {
      List<PutEventsRequestEntry> sent = pending;
      PutEventsResponse response;
      try {
        response = client.putEvents(b -> b.entries(sent));
      } catch (RuntimeException e) {
        metrics.add(OperationalMetric.EVENT_DELIVERIES_FAILED, sent.size(), DESTINATION);
        throw e;
      }
      if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
        return;
      }
      pending = refused(sent, response.entries());
      if (!retries.allowsAnotherAfter(attempt)) {
        metrics.add(OperationalMetric.EVENT_DELIVERIES_FAILED, pending.size(), DESTINATION);
        throw new IllegalStateException(pending.size() + " events refused by EventBridge bus " + busName + " after "
            + attempt + " attempts; first error: " + firstError(response.entries()));
      }
      retries.pauseAfter(attempt);
    }
  }

  /** Result entries are in request order; a refused one carries an error code. */
  private static List<PutEventsRequestEntry> refused(List<PutEventsRequestEntry> sent, List<PutEventsResultEntry> results) {
    List<PutEventsRequestEntry> refused = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      if (i >= results.size() || results.get(i).errorCode() != null) {
        refused.add(sent.get(i));
      }
    }
    return refused;
  }

  private static String firstError(List<PutEventsResultEntry> results) {
    return results.stream().filter(r -> r.errorCode() != null).map(PutEventsResultEntry::errorCode).findFirst().orElse("?");
  }

  private PutEventsRequestEntry entry(DirectoryEvent event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(event.source())
        .detailType(event.type().wireName())
        .time(event.occurredAt())
        .detail(event.toJson().toString())
        .build();
  }
}
