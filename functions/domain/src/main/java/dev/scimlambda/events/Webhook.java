package dev.scimlambda.events;

import java.time.Instant;

/**
 * A workspace's webhook. Its signing secret is not here: it lives in the secret store under
 * {@code SecretNames.webhook(workspaceId, id)}, and {@code secretVersion} names the version to sign with.
 *
 * @param id new for every webhook created, so a re-created webhook gets a new secret name (Secrets
 *     Manager keeps a deleted secret's name for its recovery window)
 * @param previousSecretVersion the version a rotation replaced, still signed with until
 *     {@code previousSecretExpiresAt}; null without a rotation or with one that had no overlap
 */
public record Webhook(
    String workspaceId,
    String id,
    String url,
    boolean enabled,
    String secretVersion,
    String previousSecretVersion,
    Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public Webhook {
    if ((previousSecretVersion == null) != (previousSecretExpiresAt == null)) {
      throw new IllegalArgumentException("a previous secret version comes with the time it expires");
    }
  }

  /** A webhook that never had its secret rotated. */
  public Webhook(
      String workspaceId, String id, String url, boolean enabled, String secretVersion, Instant createdAt, Instant updatedAt) {
    this(workspaceId, id, url, enabled, secretVersion, null, null, createdAt, updatedAt);
  }

  /** Whether deliveries at {@code now} still carry a signature made with the previous secret. */
  public boolean overlaps(Instant now) {
    return previousSecretVersion != null && now.isBefore(previousSecretExpiresAt);
  }

  Webhook with(String newUrl, boolean nowEnabled, Instant at) {
    return new Webhook(
        workspaceId, id, newUrl, nowEnabled, secretVersion, previousSecretVersion, previousSecretExpiresAt, createdAt, at);
  }

  /** {@code newVersion} signs from now on; the current one too until {@code overlapEnds}, unless that is {@code at}. */
  Webhook rotated(String newVersion, Instant overlapEnds, Instant at) {
    boolean overlap = overlapEnds.isAfter(at);
    return new Webhook(
        workspaceId, id, url, enabled, newVersion, overlap ? secretVersion : null, overlap ? overlapEnds : null, createdAt, at);
  }

  /** As an admin sees it at {@code now}: an overlap that ended is no longer mentioned. */
  Webhook asOf(Instant now) {
    return previousSecretVersion == null || overlaps(now)
        ? this
        : new Webhook(workspaceId, id, url, enabled, secretVersion, null, null, createdAt, updatedAt);
  }
}
