package dev.scimlambda.connection;

import java.time.Instant;

/**
 * A directory connection: one IdP pushing users and groups into one workspace through its own SCIM
 * base URL and bearer secret.
 *
 * @param secretVersion version of the secret the IdP should use now
 * @param previousSecretVersion version replaced by the last rotation, or null
 * @param previousSecretValidUntil until when {@code previousSecretVersion} is still accepted, or null
 * @param lastRequestAt when the IdP last made an authenticated request, or null if never
 * @param deletedAt when the connection was deleted (its secret revoked), or null while active
 */
public record Connection(
    String id,
    String workspaceId,
    String name,
    IdpType type,
    String secretVersion,
    String previousSecretVersion,
    Instant previousSecretValidUntil,
    Instant createdAt,
    Instant lastRequestAt,
    Instant deletedAt) {

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public boolean acceptsPreviousSecret(Instant now) {
    return previousSecretVersion != null && previousSecretValidUntil != null && now.isBefore(previousSecretValidUntil);
  }
}
