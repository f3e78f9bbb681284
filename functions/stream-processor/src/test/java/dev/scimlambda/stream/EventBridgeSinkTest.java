package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.events.ChangeContext;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.DirectoryEvents;
import dev.scimlambda.events.MembershipSnapshot;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.scim.ScimJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The PutEvents requests the sink makes, answered by a scripted client. */
class EventBridgeSinkTest {

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

  /** Records requests; answers each with the scripted function, else accepts every entry. */
  private static final class ScriptedEventBridge implements EventBridgeClient {
    final List<PutEventsRequest> requests = new ArrayList<>();
    final Deque<Function<PutEventsRequest, PutEventsResponse>> answers = new ArrayDeque<>();

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
      requests.add(request);
      return answers.isEmpty() ? accepted(request) : answers.poll().apply(request);
    }

    @Override
    public String serviceName() {
      return "events";
    }

    @Override
    public void close() {}
  }

  private final ScriptedEventBridge client = new ScriptedEventBridge();
  private final EventBridgeSink sink = new EventBridgeSink(client, "directory-bus", FAST);

  private static PutEventsResponse accepted(PutEventsRequest request) {
    return PutEventsResponse.builder()
        .failedEntryCount(0)
        .entries(request.entries().stream().map(e -> PutEventsResultEntry.builder().eventId("ok").build()).toList())
        .build();
  }

  /** Refuses every other entry of the request. */
  private static PutEventsResponse refusingOdd(PutEventsRequest request) {
    List<PutEventsResultEntry> results = IntStream.range(0, request.entries().size())
        .mapToObj(i -> i % 2 == 1
            ? PutEventsResultEntry.builder().errorCode("InternalFailure").build()
            : PutEventsResultEntry.builder().eventId("ok").build())
        .toList();
    return PutEventsResponse.builder().failedEntryCount(request.entries().size() / 2).entries(results).build();
  }

  private static PutEventsResponse refusingAll(PutEventsRequest request) {
    List<PutEventsResultEntry> results =
        request.entries().stream().map(e -> PutEventsResultEntry.builder().errorCode("InternalFailure").build()).toList();
    return PutEventsResponse.builder().failedEntryCount(results.size()).entries(results).build();
  }

  private static List<DirectoryEvent> events(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> DirectoryEvents.membership(
                new ChangeContext("seq" + i, AT, "acme", "conn1", "scim-lambda.test"), null,
                new MembershipSnapshot("g1", "u" + i, "User", null, null))
            .orElseThrow())
        .toList();
  }

  @Test
  void anEventBecomesAnEntryOnTheBusWithTheEventAsDetail() throws Exception {
    DirectoryEvent event = events(1).get(0);
    sink.publish(List.of(event));
    PutEventsRequestEntry entry = client.requests.get(0).entries().get(0);
    assertThat(entry.eventBusName()).isEqualTo("directory-bus");
    assertThat(entry.source()).isEqualTo("scim-lambda.test");
    assertThat(entry.detailType()).isEqualTo("group.user_added");
    assertThat(entry.time()).isEqualTo(AT);
    JsonNode detail = ScimJson.MAPPER.readTree(entry.detail());
    assertThat(detail).isEqualTo(event.toJson());
    assertThat(detail.get("id").asText()).isEqualTo(event.id());
  }

  @Test
  void eventsGoInCallsOfAtMostTen() {
    sink.publish(events(23));
    assertThat(client.requests).extracting(r -> r.entries().size()).containsExactly(10, 10, 3);
  }

  @Test
  void onlyRefusedEntriesAreSentAgain() {
    client.answers.add(EventBridgeSinkTest::refusingOdd);
    List<DirectoryEvent> events = events(4);
    sink.publish(events);
    assertThat(client.requests).hasSize(2);
    assertThat(client.requests.get(1).entries()).extracting(PutEventsRequestEntry::detail)
        .containsExactly(events.get(1).toJson().toString(), events.get(3).toJson().toString());
  }

  @Test
  void entriesStillRefusedAfterTheLastAttemptFailTheRecord() {
    IntStream.range(0, 3).forEach(i -> client.answers.add(EventBridgeSinkTest::refusingAll));
    assertThatThrownBy(() -> sink.publish(events(4))).hasMessageContaining("refused by EventBridge");
    assertThat(client.requests).hasSize(3);
  }
}
