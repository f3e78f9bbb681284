package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimlambda.emulators.MotoServer;
import dev.scimlambda.events.ChangeContext;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.DirectoryEvents;
import dev.scimlambda.events.MembershipSnapshot;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.runtime.metrics.InvocationMetrics;
import dev.scimlambda.runtime.metrics.MetricsWiring;
import dev.scimlambda.testing.EmfCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** Publishing through the real SDK to moto's EventBridge, where moto runs (see MotoServer). */
class EventBridgeSinkMotoTest {

  private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));

  private EventBridgeClient client;
  private String bus;

  @BeforeEach
  void connect() {
    assumeTrue(MotoServer.endpoint().isPresent(), MotoServer.UNAVAILABLE);
    client = EventBridgeClient.builder()
        .endpointOverride(MotoServer.endpoint().get())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    bus = "scim-" + UUID.randomUUID();
    client.createEventBus(b -> b.name(bus));
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.deleteEventBus(b -> b.name(bus));
      client.close();
    }
  }

  private static List<DirectoryEvent> events(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> DirectoryEvents.membership(
                new ChangeContext("seq" + i, Instant.now(), "acme", "conn1", "scim-lambda.test"), null,
                new MembershipSnapshot("g1", "u" + i, "User", null, null))
            .orElseThrow())
        .toList();
  }

  @Test
  void theEmulatorAcceptsEveryEntryOfBatchedCalls() {
    assertThatCode(() -> new EventBridgeSink(client, bus, FAST).publish(events(12))).doesNotThrowAnyException();
  }

  /** moto refuses the call; EventBridge may refuse the entries instead: the record fails either way. */
  @Test
  void aBusThatDoesNotExistFailsTheRecord() {
    assertThatThrownBy(() -> new EventBridgeSink(client, "no-such-bus-" + UUID.randomUUID(), FAST).publish(events(1)))
        .isInstanceOfAny(ResourceNotFoundException.class, IllegalStateException.class);
  }

  @Test
  void everyEventOfAFailedCallCountsAsAnAttemptedAndFailedEventBridgeDelivery() {
    InvocationMetrics metrics =
        new InvocationMetrics(MetricsWiring.embeddedMetricFormat(EmfCapture.NAMESPACE), EmfCapture.SERVICE);
    try (EmfCapture emf = EmfCapture.start()) {
      assertThatThrownBy(() ->
          new EventBridgeSink(client, "no-such-bus-" + UUID.randomUUID(), FAST, metrics).publish(events(3)));
      metrics.flush();

      assertThat(emf.count("EventDeliveriesAttempted", "Destination", "eventbridge")).isEqualTo(3);
      assertThat(emf.count("EventDeliveriesFailed", "Destination", "eventbridge")).isEqualTo(3);
    }
  }

  @Test
  void eventsTheBusTookCountAsAttemptedOnly() {
    InvocationMetrics metrics =
        new InvocationMetrics(MetricsWiring.embeddedMetricFormat(EmfCapture.NAMESPACE), EmfCapture.SERVICE);
    try (EmfCapture emf = EmfCapture.start()) {
      new EventBridgeSink(client, bus, FAST, metrics).publish(events(12));
      metrics.flush();

      assertThat(emf.count("EventDeliveriesAttempted", "Destination", "eventbridge")).isEqualTo(12);
      assertThat(emf.count("EventDeliveriesFailed", "Destination", "eventbridge")).isZero();
    }
  }
}
