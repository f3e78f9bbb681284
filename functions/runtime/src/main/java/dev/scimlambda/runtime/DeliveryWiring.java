package dev.scimlambda.runtime;

import dev.scimlambda.events.Webhooks;
import dev.scimlambda.events.delivery.CircuitStore;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.DeliverySchedule;
import dev.scimlambda.events.delivery.EndpointCircuit;
import dev.scimlambda.events.delivery.HttpWebhookTransport;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import dev.scimlambda.events.delivery.WebhookDelivery;
import dev.scimlambda.events.delivery.WebhookTransport;
import dev.scimlambda.persistence.DynamoCircuitStore;
import dev.scimlambda.persistence.DynamoDeliveryLog;
import dev.scimlambda.persistence.TableAccess;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The webhook delivery engine, in every function's context: the delivery function runs it, the admin API reads its log. */
@Factory
public class DeliveryWiring {

  /** The circuit stays open at most this many retry bases: an hour by default. */
  static final long CIRCUIT_CAP_FACTOR = 60;
  /** Bounds what a mistyped setting can do: a day between first attempts would look like lost events. */
  static final Duration MAX_RETRY_BASE = Duration.ofHours(1);

  @Singleton
  DeliverySchedule deliverySchedule(Settings settings) {
    return DeliverySchedule.withBase(retryBase(settings));
  }

  @Singleton
  DeliveryLog deliveryLog(TableAccess table, Clock clock) {
    return new DynamoDeliveryLog(table, clock);
  }

  @Singleton
  CircuitStore circuitStore(TableAccess table, Clock clock) {
    return new DynamoCircuitStore(table, clock);
  }

  @Singleton
  EndpointCircuit endpointCircuit(CircuitStore store, Settings settings) {
    Duration base = retryBase(settings);
    return new EndpointCircuit(store, EndpointCircuit.DEFAULT_THRESHOLD, base, base.multipliedBy(CIRCUIT_CAP_FACTOR));
  }

  @Singleton
  WebhookTransport webhookTransport() {
    return new HttpWebhookTransport();
  }

  @Singleton
  WebhookDeliveries webhookDeliveries(Webhooks webhooks, DeliveryLog log, EndpointCircuit circuit,
      DeliverySchedule schedule, WebhookTransport transport, Clock clock) {
    return new WebhookDelivery(webhooks, log, circuit, schedule, transport, clock);
  }

  static Duration retryBase(Settings settings) {
    String value = settings.optional(Setting.WEBHOOK_RETRY_BASE).orElse(DeliverySchedule.DEFAULT_BASE.toString());
    try {
      Duration base = Duration.parse(value.strip());
      if (!base.isNegative() && !base.isZero() && base.compareTo(MAX_RETRY_BASE) <= 0) {
        return base;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalStateException(Setting.WEBHOOK_RETRY_BASE.environmentVariable()
        + " must be an ISO-8601 duration above zero and at most PT1H, not '" + value + "'");
  }
}
