package dev.scimlambda.events;

import java.time.Instant;

/**
 * What connection events are derived from: the connection item's image, never its secret.
 *
 * @param type the IdP type's wire name ({@code okta}, {@code entra}, …)
 * @param secretVersion which secret is current; a different one after means it was rotated
 * @param previousSecretValidUntil until when the rotated-out secret is still accepted, or null
 * @param lastRequestAt the IdP's last authenticated request, null until the first
 * @param deletedAt null while the connection is active
 */
public record ConnectionSnapshot(
    String id,
    String name,
    String type,
    String secretVersion,
    Instant previousSecretValidUntil,
    Instant lastRequestAt,
    Instant deletedAt) {}
