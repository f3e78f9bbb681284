package dev.scimlambda.stream;

import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import dev.scimlambda.events.delivery.WebhookOutbox;
import dev.scimlambda.observability.OperationalMetrics;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.tags.AppUserRefresh;
import dev.scimlambda.tags.GroupTagRefresh;
import dev.scimlambda.tags.TagRefreshJobStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import dev.scimlambda.persistence.TableAccess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@Factory
public class StreamWiring {

  /** Members per chunk: a chunk must finish well inside the function's timeout at DynamoDB latencies. */
  static final int DEFAULT_CHUNK_SIZE = 250;
  /** App users refreshed at once within a batch or chunk; each refresh is a handful of sequential DynamoDB calls. */
  static final int REFRESH_PARALLELISM = 8;

  @Singleton
  @Named("tag-refresh")
  @Bean(preDestroy = "shutdown")
  ExecutorService tagRefreshExecutor() {
    return Executors.newFixedThreadPool(REFRESH_PARALLELISM, runnable -> {
      Thread thread = new Thread(runnable, "tag-refresh");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Singleton
  GroupTagRefresh groupTagRefresh(
      GroupStore groups, UserStore users, AppUserRefresh refresh, TagRefreshJobStore jobs, Settings settings,
      Clock clock, @Named("tag-refresh") ExecutorService executor) {
    int chunk = settings.optional(Setting.TAG_REFRESH_CHUNK_SIZE).map(Integer::parseInt).orElse(DEFAULT_CHUNK_SIZE);
    return new GroupTagRefresh(groups, users, refresh, jobs, chunk, executor, clock);
  }

  @Singleton
  AppUserProjection appUserProjection(
      AppUserRefresh refresh, GroupTagRefresh groupRefresh, GroupStore groups, ConnectionWorkspaces workspaces,
      @Named("tag-refresh") ExecutorService executor) {
    return new AppUserProjection(refresh, groupRefresh, groups, workspaces, executor);
  }

  @Singleton
  GroupTagProjection groupTagProjection(GroupTagRefresh groupRefresh, ConnectionWorkspaces workspaces) {
    return new GroupTagProjection(groupRefresh, workspaces);
  }

  @Singleton
  ChangeProcessor changeProcessor(SecretStore secrets, SecretNames names, AppUserProjection appUsers,
      GroupTagProjection groupTags, DirectoryEventsProjection events, ActivityStore activity, SeatLedger seats,
      GroupTagRefresh groupRefresh, ConnectionWorkspaces workspaces, Optional<ParkedRecords> parked, Clock clock,
      OperationalMetrics metrics) {
    return new ChangeProcessor(List.of(new ConnectionSecretCleanup(secrets, names), appUsers, groupTags,
        new AccessGroupsProjection(groupRefresh, workspaces), events, new ActivityRevisions(activity),
        new SeatReconciliation(seats)), parked, ChangeProcessor.PARKING, clock, metrics);
  }

  /** The queue in AWS; without it, the embedded stack's file. */
  @Singleton
  @Requires(property = "scim.stream-record-failures-queue-url")
  ParkedRecords queuedFailures(Settings settings, BeanProvider<SqsClient> sqs) {
    return new SqsParkedRecords(sqs.get(), settings.require(Setting.STREAM_RECORD_FAILURES_QUEUE_URL));
  }

  @Singleton
  @Requires(property = "scim.stream-record-failures-file")
  @Requires(missingProperty = "scim.stream-record-failures-queue-url")
  ParkedRecords fileFailures(Settings settings) {
    return new FileParkedRecords(Path.of(settings.require(Setting.STREAM_RECORD_FAILURES_FILE)));
  }

  @Singleton
  @Requires(bean = ParkedRecords.class)
  StreamRedrive streamRedrive(ChangeProcessor processor, ParkedRecords parked, TableAccess table) {
    return new StreamRedrive(processor, parked, keys -> {
      var item = table.dynamo().getItem(b -> b.tableName(table.tableName()).key(keys).consistentRead(true));
      return item.hasItem() && !item.item().isEmpty() ? Optional.of(item.item()) : Optional.empty();
    });
  }

  @Singleton
  SqsClient sqs(SdkHttpClient http) {
    return SqsClient.builder().httpClient(http).build();
  }

  /** The embedded stack's webhook outbox; the queue in AWS is wired by the runtime (OutboxWiring). */
  @Singleton
  @Requires(property = "scim.webhook-outbox-directory")
  @Requires(missingProperty = "scim.webhook-outbox-queue-url")
  DirectoryWebhookOutbox directoryOutbox(Settings settings) {
    return new DirectoryWebhookOutbox(Path.of(settings.require(Setting.WEBHOOK_OUTBOX_DIRECTORY)));
  }

  /** What the delivery function does with the outbox queue's messages. */
  @Singleton
  @Requires(property = "scim.webhook-dead-letter-queue-url")
  @Requires(bean = WebhookDeliveries.class)
  WebhookDeliveryQueue webhookDeliveryQueue(Settings settings, BeanProvider<SqsClient> sqs, WebhookDeliveries deliveries) {
    return new WebhookDeliveryQueue(sqs.get(), settings.require(Setting.WEBHOOK_OUTBOX_QUEUE_URL),
        settings.require(Setting.WEBHOOK_DEAD_LETTER_QUEUE_URL), deliveries);
  }

  /**
   * EventBridge first, then the webhook outbox; neither waits on a customer's endpoint, which the
   * delivery function alone calls.
   */
  @Singleton
  DirectoryEventsProjection directoryEvents(
      ConnectionWorkspaces workspaces,
      UserStore users,
      Webhooks webhooks,
      Settings settings,
      BeanProvider<EventBridgeClient> eventBridge,
      Optional<WebhookOutbox> outbox,
      OperationalMetrics metrics) {
    List<EventSink> sinks = new ArrayList<>();
    Optional<String> bus = settings.optional(Setting.EVENT_BUS_NAME);
    bus.ifPresent(name -> sinks.add(new EventBridgeSink(eventBridge.get(), name, RetryPolicy.DELIVERY, metrics)));
    outbox.ifPresent(o -> sinks.add(new WebhookOutboxSink(webhooks, o)));
    return new DirectoryEventsProjection(workspaces, users, sinks, DirectoryEvent.source(settings.stage()));
  }

  @Singleton
  EventBridgeClient eventBridge(SdkHttpClient http) {
    return EventBridgeClient.builder().httpClient(http).build();
  }
}
