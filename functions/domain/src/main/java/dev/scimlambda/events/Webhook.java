package dev.scimlambda.events;

import java.time.Instant;

/**
 * A workspace's webhook. Its signing secret is not here: it lives in the secret store under
 * {@code SecretNames.webhook(workspaceId, id)}, and {@code secretVersion} names the version to sign with.
 *
 * @param id new for every webhook created, so a re-created webhook gets a new secret name (Secrets
 *     Manager keeps a deleted secret's name for its recovery window)
 */
public record Webhook(
    String workspaceId, String id, String url, boolean enabled, String secretVersion, Instant createdAt, Instant updatedAt) {

  Webhook with(String newUrl, boolean nowEnabled, Instant at) {
    return new Webhook(workspaceId, id, newUrl, nowEnabled, secretVersion, createdAt, at);
  }
}
