package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.events.Webhook;
import dev.scimlambda.problem.ConflictException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DynamoWebhookStoreTest {

  private final DynamoWebhookStore store = new DynamoWebhookStore(TableFixture.newTable());
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private Webhook webhook(String id, String url, boolean enabled, String secretVersion) {
    return new Webhook("acme", id, url, enabled, secretVersion, now, now);
  }

  @Test
  void aCreatedWebhookReadsBackUnchanged() {
    Webhook webhook = webhook("w1", "https://hooks.example.com/scim", true, "v1");
    store.create(webhook);
    assertThat(store.find("acme")).contains(webhook);
  }

  @Test
  void aWorkspaceHasOneWebhook() {
    store.create(webhook("w1", "https://a.example.com", true, "v1"));
    assertThatThrownBy(() -> store.create(webhook("w2", "https://b.example.com", true, "v2")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void replacingKeepsTheSecretAndConflictsWhenTheWebhookWasRecreatedMeanwhile() {
    store.create(webhook("w1", "https://a.example.com", true, "v1"));
    store.replace(webhook("w1", "https://b.example.com", false, "v1"));
    assertThat(store.find("acme").orElseThrow().url()).isEqualTo("https://b.example.com");
    assertThatThrownBy(() -> store.replace(webhook("w0", "https://c.example.com", true, "v0")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aRotatedSecretReadsBackWithThePreviousVersionAndWhenItStopsSigning() {
    store.create(webhook("w1", "https://a.example.com", true, "v1"));
    Webhook rotated = new Webhook("acme", "w1", "https://a.example.com", true, "v2", "v1", now.plusSeconds(3600), now, now);
    store.rotateSecret(rotated, "v1");
    assertThat(store.find("acme")).contains(rotated);
  }

  @Test
  void aRotationConflictsWhenTheSecretWasRotatedMeanwhile() {
    store.create(webhook("w1", "https://a.example.com", true, "v1"));
    store.rotateSecret(new Webhook("acme", "w1", "https://a.example.com", true, "v2", "v1", now, now, now), "v1");
    Webhook late = new Webhook("acme", "w1", "https://a.example.com", true, "v3", "v1", now, now, now);
    assertThatThrownBy(() -> store.rotateSecret(late, "v1")).isInstanceOf(ConflictException.class);
    assertThat(store.find("acme").orElseThrow().secretVersion()).isEqualTo("v2");
  }

  @Test
  void deletingSaysWhetherThereWasOne() {
    store.create(webhook("w1", "https://a.example.com", true, "v1"));
    assertThat(store.delete("acme")).isTrue();
    assertThat(store.find("acme")).isEmpty();
    assertThat(store.delete("acme")).isFalse();
  }
}
