package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.EventType;
import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream's webhook sink: events of workspaces with an enabled webhook go to the outbox, whole. */
class WebhookOutboxSinkTest {

  private TestStack stack;
  private Webhooks webhooks;
  private final List<OutboundEvent> outbox = new ArrayList<>();
  private WebhookOutboxSink sink;

  @BeforeEach
  void start() {
    stack = TestStack.start();
    stack.context().getBean(Workspaces.class).ensureDefault();
    webhooks = stack.context().getBean(Webhooks.class);
    sink = new WebhookOutboxSink(webhooks, outbox::addAll);
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private static DirectoryEvent created(String id) {
    return new DirectoryEvent(id, DirectoryEvent.source("test"), EventType.values()[0],
        Instant.parse("2026-12-05T03:00:00Z"), "users/u1", "default", "conn1",
        JsonNodeFactory.instance.objectNode().put("appUserId", "u1"));
  }

  @Test
  void eventsOfAWorkspaceWithAnEnabledWebhookAreEnqueuedWithTheBodyTheyAreSignedOver() {
    webhooks.configure("default", "https://hooks.example.test/scim", true);
    DirectoryEvent event = created("evt_1");

    sink.publish(List.of(event));

    assertThat(outbox).containsExactly(new OutboundEvent("default", "evt_1", event.type().wireName(),
        event.occurredAt(), event.toJson().toString()));
  }

  @Test
  void eventsOfAWorkspaceWithoutAWebhookAreNotEnqueued() {
    sink.publish(List.of(created("evt_1")));

    assertThat(outbox).isEmpty();
  }

  @Test
  void eventsOfAWorkspaceWhoseWebhookIsDisabledAreNotEnqueued() {
    webhooks.configure("default", "https://hooks.example.test/scim", false);

    sink.publish(List.of(created("evt_1")));

    assertThat(outbox).isEmpty();
  }
}
