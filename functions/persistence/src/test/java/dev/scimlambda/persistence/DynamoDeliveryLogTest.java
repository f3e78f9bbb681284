package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.events.delivery.Delivery;
import dev.scimlambda.events.delivery.DeliveryAttempt;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.DeliveryStatus;
import dev.scimlambda.events.delivery.OutboundEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDeliveryLogTest {

  private final TableAccess table = TableFixture.newTable();
  private final DynamoDeliveryLog log = new DynamoDeliveryLog(table, Clock.systemUTC());
  private final Instant t0 = Instant.parse("2026-12-01T10:00:00.000Z");

  private Delivery delivery(String eventId, Instant occurredAt, DeliveryStatus status, String body) {
    OutboundEvent event = new OutboundEvent("acme", eventId, "user.created", occurredAt, body);
    Delivery pending = Delivery.pending(event, occurredAt);
    List<DeliveryAttempt> attempts = List.of(
        new DeliveryAttempt(occurredAt, OptionalInt.of(503), 12, "status 503"),
        new DeliveryAttempt(occurredAt.plusSeconds(60), OptionalInt.empty(), 5000, "timed out"));
    return new Delivery(pending.workspaceId(), pending.id(), eventId, "user.created", occurredAt, occurredAt, status,
        2, attempts, Optional.of(occurredAt.plusSeconds(120)), "timed out", body);
  }

  @Test
  void aSavedDeliveryReadsBackWithOneGetItemByItsId() {
    Delivery saved = delivery("e1", t0, DeliveryStatus.RETRYING, "{\"id\":\"e1\"}");
    log.save(saved);
    assertThat(log.find("acme", saved.id())).contains(saved);
    assertThat(log.find("other", saved.id())).isEmpty();
  }

  @Test
  void anEventOfTwoHundredSeventyKilobytesWithAllItsAttemptsFitsInOneItem() {
    String body = "{\"data\":\"" + "x".repeat(270 * 1024) + "\"}";
    Delivery big = delivery("e1", t0, DeliveryStatus.RETRYING, body);
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (int i = 0; i < Delivery.MAX_ATTEMPTS_KEPT; i++) {
      attempts.add(new DeliveryAttempt(t0, OptionalInt.empty(), 5000, "x".repeat(DeliveryAttempt.MAX_ERROR_LENGTH)));
    }
    Delivery full = new Delivery(big.workspaceId(), big.id(), big.eventId(), big.eventType(), big.occurredAt(),
        big.createdAt(), big.status(), 30, attempts, big.nextAttemptAt(), "x".repeat(300), body);
    log.save(full);
    assertThat(log.find("acme", full.id()).orElseThrow().body()).isEqualTo(body);
  }

  @Test
  void pagesListNewestFirstWithACursorAndWithoutBodies() {
    for (int i = 0; i < 5; i++) {
      log.save(delivery("e" + i, t0.plusSeconds(i), DeliveryStatus.DELIVERED, "{}"));
    }
    DeliveryLog.Page first = log.page("acme", null, 3, null);
    assertThat(first.deliveries()).extracting(Delivery::eventId).containsExactly("e4", "e3", "e2");
    assertThat(first.deliveries()).allSatisfy(d -> assertThat(d.body()).isEmpty());
    DeliveryLog.Page second = log.page("acme", null, 3, first.cursor());
    assertThat(second.deliveries()).extracting(Delivery::eventId).containsExactly("e1", "e0");
    assertThat(second.cursor()).isNull();
  }

  @Test
  void aStatusFilterListsOnlyThatStatus() {
    log.save(delivery("e0", t0, DeliveryStatus.FAILED, "{}"));
    log.save(delivery("e1", t0.plusSeconds(1), DeliveryStatus.DELIVERED, "{}"));
    log.save(delivery("e2", t0.plusSeconds(2), DeliveryStatus.FAILED, "{}"));
    assertThat(log.page("acme", DeliveryStatus.FAILED, 10, null).deliveries())
        .extracting(Delivery::eventId).containsExactly("e2", "e0");
  }

  @Test
  void failedSinceFindsFailedDeliveriesFromThatTimeOnOldestFirstAndSaysWhenMoreRemain() {
    log.save(delivery("before", t0.minusSeconds(1), DeliveryStatus.FAILED, "{}"));
    log.save(delivery("f1", t0, DeliveryStatus.FAILED, "{}"));
    log.save(delivery("ok", t0.plusSeconds(1), DeliveryStatus.DELIVERED, "{}"));
    log.save(delivery("f2", t0.plusSeconds(2), DeliveryStatus.FAILED, "{}"));
    log.save(delivery("f3", t0.plusSeconds(3), DeliveryStatus.FAILED, "{}"));
    DeliveryLog.Page two = log.failedSince("acme", t0, 2, null);
    assertThat(two.deliveries()).extracting(Delivery::eventId).containsExactly("f1", "f2");
    assertThat(two.cursor()).isNotNull();
    assertThat(log.failedSince("acme", t0, 2, two.cursor()).deliveries()).extracting(Delivery::eventId)
        .containsExactly("f3");
    assertThat(log.failedSince("acme", t0, 10, null).deliveries()).extracting(Delivery::eventId)
        .containsExactly("f1", "f2", "f3");
  }

  @Test
  void deliveryItemsExpireAfterThirtyDays() {
    Delivery saved = delivery("e1", t0, DeliveryStatus.DELIVERED, "{}");
    log.save(saved);
    Map<String, AttributeValue> item = table.dynamo().getItem(b -> b.tableName(table.tableName())
        .key(Map.of(KeySchema.PK, Item.s("WS#acme"), KeySchema.SK, Item.s("DELIVERY#" + saved.id())))).item();
    long expiresAt = Long.parseLong(item.get(KeySchema.EXPIRES_AT).n());
    assertThat(Instant.ofEpochSecond(expiresAt))
        .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    assertThat(item.get(KeySchema.ENTITY).s()).isEqualTo(DynamoDeliveryLog.ENTITY);
  }
}
