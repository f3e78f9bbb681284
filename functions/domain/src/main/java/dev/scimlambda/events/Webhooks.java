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
import java.time.Instant;
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
   * keeping the secret (receivers keep verifying). Delete and set again for a new secret.
   */
  public ConfiguredWebhook configure(String workspaceId, String url, boolean enabled) {
    workspaces.get(workspaceId);
    String validUrl = validUrl(url);
    Instant now = clock.instant();
    Optional<Webhook> existing = store.find(workspaceId);
    if (existing.isPresent()) {
      Webhook changed = existing.get().with(validUrl, enabled, now);
      store.replace(changed);
      return new ConfiguredWebhook(changed, Optional.empty());
    }
    Webhook created =
        new Webhook(workspaceId, SecureRandomIds.lowercase(12), validUrl, enabled, BearerSecrets.newVersionId(), now, now);
    String secret = SECRET_PREFIX + java.util.Base64.getEncoder().encodeToString(SecureRandomIds.bytes(32));
    // Secret first: a webhook item must never name a secret that is not there yet.
    secrets.putVersion(names.webhook(workspaceId, created.id()), created.secretVersion(), secret);
    store.create(created);
    return new ConfiguredWebhook(created, Optional.of(secret));
  }

  public Webhook get(String workspaceId) {
    workspaces.get(workspaceId);
    return store.find(workspaceId).orElseThrow(() -> notFound(workspaceId));
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

  /** Where the workspace's events go now: empty without an enabled webhook. */
  public Optional<WebhookEndpoint> endpoint(String workspaceId) {
    return store.find(workspaceId)
        .filter(Webhook::enabled)
        .map(webhook -> new WebhookEndpoint(
            URI.create(webhook.url()),
            List.of(secrets.version(names.webhook(workspaceId, webhook.id()), webhook.secretVersion())
                .orElseThrow(() -> new IllegalStateException("the signing secret of a webhook is missing")))));
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
