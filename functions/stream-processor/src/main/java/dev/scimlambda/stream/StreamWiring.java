package dev.scimlambda.stream;

import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

@Factory
public class StreamWiring {

  @Singleton
  ChangeProcessor changeProcessor(SecretStore secrets, SecretNames names, DirectoryEventsProjection events) {
    return new ChangeProcessor(List.of(new ConnectionSecretCleanup(secrets, names), events));
  }

  /** EventBridge first: a webhook that keeps failing must not keep the bus from getting the event. */
  @Singleton
  DirectoryEventsProjection directoryEvents(
      ConnectionStore connections,
      Webhooks webhooks,
      Settings settings,
      BeanProvider<EventBridgeClient> eventBridge,
      Clock clock) {
    List<EventSink> sinks = new ArrayList<>();
    Optional<String> bus = settings.optional(Setting.EVENT_BUS_NAME);
    bus.ifPresent(name -> sinks.add(new EventBridgeSink(eventBridge.get(), name, RetryPolicy.DELIVERY)));
    sinks.add(new WebhookSink(webhooks, WebhookSink.httpClient(), RetryPolicy.DELIVERY, clock));
    return new DirectoryEventsProjection(connections, sinks);
  }

  @Singleton
  EventBridgeClient eventBridge(SdkHttpClient http) {
    return EventBridgeClient.builder().httpClient(http).build();
  }
}
