package dev.scimlambda.stream;

import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes events to an EventBridge bus: source {@value #SOURCE}, detail type the event type, detail
 * the payload webhooks get. PutEvents can accept some entries of a call and refuse others, so the
 * refused ones are sent again with backoff; if some still fail this throws and the stream redelivers.
 */
public final class EventBridgeSink implements EventSink {

  public static final String SOURCE = "scim-lambda";
  /** PutEvents takes at most 10 entries a call. */
  static final int MAX_ENTRIES = 10;

  private final EventBridgeClient client;
  private final String busName;
  private final RetryPolicy retries;

  public EventBridgeSink(EventBridgeClient client, String busName, RetryPolicy retries) {
    this.client = client;
    this.busName = busName;
    this.retries = retries;
  }

  @Override
  public void publish(List<DirectoryEvent> events) {
    List<PutEventsRequestEntry> entries = events.stream().map(this::entry).toList();
    for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
      putAll(entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES)));
    }
  }

  private void putAll(List<PutEventsRequestEntry> batch) {
    List<PutEventsRequestEntry> pending = batch;
    for (int attempt = 1; ; attempt++) {
      List<PutEventsRequestEntry> sent = pending;
      PutEventsResponse response = client.putEvents(b -> b.entries(sent));
      if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
        return;
      }
      pending = refused(sent, response.entries());
      if (!retries.allowsAnotherAfter(attempt)) {
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
        .source(SOURCE)
        .detailType(event.type().wireName())
        .time(event.occurredAt())
        .detail(event.toJson().toString())
        .build();
  }
}
