package dev.scimlambda.runtime;

import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.events.delivery.WebhookOutbox;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The webhook outbox queue, in the context of every function that puts events in it: the stream
 * and its redrive (new events) and the admin API (redelivery). Unset in functions that enqueue none;
 * the embedded stack's directory outbox is wired by the stream module instead.
 */
@Factory
public class OutboxWiring {

  @Singleton
  @Requires(property = "scim.webhook-outbox-queue-url")
  WebhookOutbox queuedOutbox(Settings settings, SdkHttpClient http) {
    return new SqsWebhookOutbox(SqsClient.builder().httpClient(http).build(),
        settings.require(Setting.WEBHOOK_OUTBOX_QUEUE_URL), RetryPolicy.DELIVERY);
  }
}
