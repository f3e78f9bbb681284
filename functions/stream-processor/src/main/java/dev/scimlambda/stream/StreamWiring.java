package dev.scimlambda.stream;

import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.appusers.SeatLedger;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.Webhooks;
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
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

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
      GroupTagRefresh groupRefresh, ConnectionWorkspaces workspaces) {
    return new ChangeProcessor(List.of(new ConnectionSecretCleanup(secrets, names), appUsers, groupTags,
        new AccessGroupsProjection(groupRefresh, workspaces), events, new ActivityRevisions(activity),
        new SeatReconciliation(seats)));
  }

  /** EventBridge first: a webhook that keeps failing must not keep the bus from getting the event. */
  @Singleton
  DirectoryEventsProjection directoryEvents(
      ConnectionWorkspaces workspaces,
      UserStore users,
      Webhooks webhooks,
      Settings settings,
      BeanProvider<EventBridgeClient> eventBridge,
      Clock clock) {
    List<EventSink> sinks = new ArrayList<>();
    Optional<String> bus = settings.optional(Setting.EVENT_BUS_NAME);
    bus.ifPresent(name -> sinks.add(new EventBridgeSink(eventBridge.get(), name, RetryPolicy.DELIVERY)));
    sinks.add(new WebhookSink(webhooks, WebhookSink.httpClient(), RetryPolicy.DELIVERY, clock));
    return new DirectoryEventsProjection(workspaces, users, sinks);
  }

  @Singleton
  EventBridgeClient eventBridge(SdkHttpClient http) {
    return EventBridgeClient.builder().httpClient(http).build();
  }
}
