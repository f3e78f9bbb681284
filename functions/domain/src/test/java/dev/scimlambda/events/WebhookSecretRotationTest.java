package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.workspace.Workspace;
import dev.scimlambda.workspace.WorkspaceStore;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSecretRotationTest {

  private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

  private final SettableClock clock = new SettableClock(START);
  private final MapWebhookStore store = new MapWebhookStore();
  private final Workspaces workspaces = new Workspaces(new MapWorkspaceStore(), clock);
  private final Webhooks webhooks = new Webhooks(store, workspaces, new MapSecretStore(), new SecretNames("test"), clock);
  private String workspaceId;
  private String firstSecret;

  @BeforeEach
  void aWorkspaceWithAWebhook() {
    workspaceId = workspaces.create(Optional.empty(), "Acme", null).id();
    firstSecret = webhooks.configure(workspaceId, "https://hooks.example.com/scim", true).signingSecret().orElseThrow();
  }

  private List<String> signingSecretsAt(Instant when) {
    clock.now = when;
    return webhooks.endpoint(workspaceId).orElseThrow().signingSecrets();
  }

  @Test
  void duringTheOverlapDeliveriesAreSignedWithTheNewSecretFirstThenTheReplacedOne() {
    ConfiguredWebhook rotated = webhooks.rotateSecret(workspaceId, Optional.of(2));
    String newSecret = rotated.signingSecret().orElseThrow();

    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(firstSecret);
    assertThat(signingSecretsAt(START.plus(Duration.ofMinutes(119)))).containsExactly(newSecret, firstSecret);
  }

  @Test
  void whenTheOverlapEndsOnlyTheNewSecretSignsAndTheOverlapIsNoLongerShown() {
    String newSecret = webhooks.rotateSecret(workspaceId, Optional.of(2)).signingSecret().orElseThrow();

    assertThat(signingSecretsAt(START.plus(Duration.ofHours(2)))).containsExactly(newSecret);
    assertThat(webhooks.get(workspaceId).previousSecretExpiresAt()).isNull();
  }

  @Test
  void theOverlapIsShownUntilItEnds() {
    Webhook rotated = webhooks.rotateSecret(workspaceId, Optional.of(5)).webhook();

    assertThat(rotated.previousSecretExpiresAt()).isEqualTo(START.plus(Duration.ofHours(5)));
    assertThat(webhooks.get(workspaceId).previousSecretExpiresAt()).isEqualTo(START.plus(Duration.ofHours(5)));
  }

  @Test
  void withoutAnOverlapGivenTheReplacedSecretSignsForADay() {
    Webhook rotated = webhooks.rotateSecret(workspaceId, Optional.empty()).webhook();

    assertThat(rotated.previousSecretExpiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
  }

  @Test
  void anOverlapOfZeroHoursDropsTheReplacedSecretAtOnce() {
    ConfiguredWebhook rotated = webhooks.rotateSecret(workspaceId, Optional.of(0));

    assertThat(rotated.webhook().previousSecretExpiresAt()).isNull();
    assertThat(signingSecretsAt(START)).containsExactly(rotated.signingSecret().orElseThrow());
  }

  @Test
  void anOverlapOutsideZeroToAWeekIsRefusedNamingTheField() {
    for (int hours : new int[] {-1, 169, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> webhooks.rotateSecret(workspaceId, Optional.of(hours)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("overlapHours"));
    }
    assertThat(signingSecretsAt(START)).containsExactly(firstSecret);
  }

  @Test
  void aSecondRotationDuringAnOverlapKeepsOnlyTheSecretItReplaces() {
    String second = webhooks.rotateSecret(workspaceId, Optional.of(24)).signingSecret().orElseThrow();
    clock.now = START.plus(Duration.ofHours(1));
    ConfiguredWebhook third = webhooks.rotateSecret(workspaceId, Optional.of(3));

    assertThat(third.webhook().previousSecretExpiresAt()).isEqualTo(START.plus(Duration.ofHours(4)));
    assertThat(signingSecretsAt(START.plus(Duration.ofHours(2)))).containsExactly(third.signingSecret().orElseThrow(), second);
  }

  @Test
  void changingTheUrlDuringAnOverlapKeepsBothSecrets() {
    String newSecret = webhooks.rotateSecret(workspaceId, Optional.of(2)).signingSecret().orElseThrow();
    webhooks.configure(workspaceId, "https://other.example.com/scim", true);

    assertThat(signingSecretsAt(START.plus(Duration.ofHours(1)))).containsExactly(newSecret, firstSecret);
  }

  @Test
  void aWorkspaceWithoutAWebhookHasNoSecretToRotate() {
    webhooks.delete(workspaceId);

    assertThatThrownBy(() -> webhooks.rotateSecret(workspaceId, Optional.empty())).isInstanceOf(NotFoundException.class);
  }

  private static final class SettableClock extends Clock {
    Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Compares id and secret version on writes as the DynamoDB store's conditions do. */
  private static final class MapWebhookStore implements WebhookStore {
    final Map<String, Webhook> items = new HashMap<>();

    @Override
    public void create(Webhook webhook) {
      if (items.putIfAbsent(webhook.workspaceId(), webhook) != null) {
        throw new ConflictException("taken");
      }
    }

    @Override
    public void replace(Webhook webhook) {
      swap(webhook, webhook.secretVersion());
    }

    @Override
    public void rotateSecret(Webhook rotated, String replacedVersion) {
      swap(rotated, replacedVersion);
    }

    private void swap(Webhook webhook, String expectedVersion) {
      Webhook stored = items.get(webhook.workspaceId());
      if (stored == null || !stored.id().equals(webhook.id()) || !stored.secretVersion().equals(expectedVersion)) {
        throw new ConflictException("changed");
      }
      items.put(webhook.workspaceId(), webhook);
    }

    @Override
    public Optional<Webhook> find(String workspaceId) {
      return Optional.ofNullable(items.get(workspaceId));
    }

    @Override
    public boolean delete(String workspaceId) {
      return items.remove(workspaceId) != null;
    }
  }

  private static final class MapSecretStore implements SecretStore {
    final Map<String, Map<String, String>> versions = new HashMap<>();
    final Map<String, String> current = new HashMap<>();

    @Override
    public void putVersion(String secretId, String versionId, String value) {
      versions.computeIfAbsent(secretId, id -> new HashMap<>()).put(versionId, value);
      current.put(secretId, value);
    }

    @Override
    public Optional<String> version(String secretId, String versionId) {
      return Optional.ofNullable(versions.getOrDefault(secretId, Map.of()).get(versionId));
    }

    @Override
    public Optional<String> current(String secretId) {
      return Optional.ofNullable(current.get(secretId));
    }

    @Override
    public void delete(String secretId) {
      versions.remove(secretId);
      current.remove(secretId);
    }
  }

  private static final class MapWorkspaceStore implements WorkspaceStore {
    final Map<String, Workspace> items = new HashMap<>();

    @Override
    public void create(Workspace workspace) {
      items.put(workspace.id(), workspace);
    }

    @Override
    public Optional<Workspace> find(String id) {
      return Optional.ofNullable(items.get(id));
    }

    @Override
    public List<Workspace> list() {
      return new ArrayList<>(items.values());
    }

    @Override
    public void update(Workspace updated) {
      items.put(updated.id(), updated);
    }
  }
}
