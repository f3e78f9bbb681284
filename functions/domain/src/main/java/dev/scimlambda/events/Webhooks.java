package dev.scimlambda.events;

import dev.scimlambda.connection.BearerSecrets;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.random.SecureRandomIds;
import dev.scimlambda.workspace.Workspaces;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Setting, reading and removing a workspace's webhook, and finding where to deliver its events. */
public final class Webhooks {

  static final String SECRET_PREFIX = "whsec_";
  /** Plain HTTP only to this machine, which is where the embedded stack's receivers run. */
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
  private static final int MAX_URL_LENGTH = 2048;
  static final int DEFAULT_OVERLAP_HOURS = 24;
  /** A week: long enough to roll a receiver out everywhere, short enough that a leaked secret dies. */
  static final int MAX_OVERLAP_HOURS = 168;

  private final WebhookStore store;
  private final Workspaces workspaces;
  private final SecretStore secrets;
  private final SecretNames names;
  private final Clock clock;

  public Webhooks(WebhookStore store, Workspaces workspaces, SecretStore secrets, SecretNames names, Clock clock) {
    this.store = store;
    this.workspaces = workspaces;
    this.secrets = secrets;
    this.names = names;
    this.clock = clock;
  }

  /**
   * Creates the workspace's webhook with a new signing secret, or changes its URL and switch while
   * keeping the secret (receivers keep verifying). {@link #rotateSecret} issues a new one.
   */
  public ConfiguredWebhook configure(String workspaceId, String url, boolean enabled) {
    workspaces.get(workspaceId);
    String validUrl = validUrl(url);
    Instant now = clock.instant();
    Optional<Webhook> existing = store.find(workspaceId);
    if (existing.isPresent()) {
      Webhook changed = existing.get().with(validUrl, enabled, now);
      store.replace(changed);
      return new ConfiguredWebhook(changed.asOf(now), Optional.empty());
    }
    Webhook created =
        new Webhook(workspaceId, SecureRandomIds.lowercase(12), validUrl, enabled, BearerSecrets.newVersionId(), now, now);
    String secret = newSecret();
    // Secret first: a webhook item must never name a secret that is not there yet.
    secrets.putVersion(names.webhook(workspaceId, created.id()), created.secretVersion(), secret);
    store.create(created);
    return new ConfiguredWebhook(created, Optional.of(secret));
  }

  public Webhook get(String workspaceId) {
    workspaces.get(workspaceId);
    return store.find(workspaceId).orElseThrow(() -> notFound(workspaceId)).asOf(clock.instant());
  }

  /**
   * Issues a new signing secret (shown once). For {@code overlapHours} (24 when empty, 0 to 168)
   * every delivery also carries a signature made with the secret it replaces, so receivers keep
   * verifying while they switch. Rotating again during an overlap replaces the previous secret: the
   * one being replaced now gets the new overlap and the older one stops at once — a second rotation
   * is how an admin drops a secret that leaked.
   */
  public ConfiguredWebhook rotateSecret(String workspaceId, Optional<Integer> overlapHours) {
    int hours = overlapHours.orElse(DEFAULT_OVERLAP_HOURS);
    if (hours < 0 || hours > MAX_OVERLAP_HOURS) {
      throw new InvalidInputException(
          "overlapHours", "overlapHours must be a whole number of hours from 0 to " + MAX_OVERLAP_HOURS);
    }
    Webhook current = get(workspaceId);
    Instant now = clock.instant();
    Webhook rotated = current.rotated(BearerSecrets.newVersionId(), now.plus(Duration.ofHours(hours)), now);
    String secret = newSecret();
    // Secret first, as when the webhook was created: the item never names a version that is not there.
    secrets.putVersion(names.webhook(workspaceId, current.id()), rotated.secretVersion(), secret);
    store.rotateSecret(rotated, current.secretVersion());
    return new ConfiguredWebhook(rotated, Optional.of(secret));
  }

  /** Deliveries stop with the item; the secret goes after it. */
  public void delete(String workspaceId) {
    Webhook webhook = get(workspaceId);
    if (!store.delete(workspaceId)) {
      throw notFound(workspaceId);
    }
    secrets.delete(names.webhook(workspaceId, webhook.id()));
  }

  /**
   * Whether the workspace's events go to a webhook now; reads no secret, so the stream can decide
   * what to put in the outbox without touching Secrets Manager.
   */
  public boolean hasEnabledWebhook(String workspaceId) {
    return store.find(workspaceId).filter(Webhook::enabled).isPresent();
  }

  /**
   * Where the workspace's events go now: empty without an enabled webhook. The current secret comes
   * first, then the previous one while a rotation's overlap runs; once it has ended the previous
   * secret is never read again.
   */
  public Optional<WebhookEndpoint> endpoint(String workspaceId) {
    Instant now = clock.instant();
    return store.find(workspaceId)
        .filter(Webhook::enabled)
        .map(webhook -> {
          List<String> signing = new ArrayList<>(2);
          signing.add(secretVersion(webhook, webhook.secretVersion()));
          if (webhook.overlaps(now)) {
            signing.add(secretVersion(webhook, webhook.previousSecretVersion()));
          }
          return new WebhookEndpoint(URI.create(webhook.url()), signing);
        });
  }

  private String secretVersion(Webhook webhook, String version) {
    return secrets.version(names.webhook(webhook.workspaceId(), webhook.id()), version)
        .orElseThrow(() -> new IllegalStateException("a signing secret of a webhook is missing"));
  }

  private static String newSecret() {
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(SecureRandomIds.bytes(32));
  }

  static String validUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw invalidUrl();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean allowed = scheme.equals("https") || (scheme.equals("http") && LOOPBACK_HOSTS.contains(host));
    if (!allowed || host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null
        || url.length() > MAX_URL_LENGTH) {
      throw invalidUrl();
    }
    return uri.toString();
  }

  private static InvalidInputException invalidUrl() {
    return new InvalidInputException(
        "url", "url must be an https URL without credentials or fragment (http only for 127.0.0.1 and localhost)");
  }

  private static NotFoundException notFound(String workspaceId) {
    return new NotFoundException("workspace " + workspaceId + " has no webhook");
  }
}
