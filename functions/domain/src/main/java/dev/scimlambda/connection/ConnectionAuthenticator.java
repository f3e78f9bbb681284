package dev.scimlambda.connection;

import dev.scimlambda.problem.UnauthenticatedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Decides whether a SCIM request carries the bearer secret of the connection it addresses. */
public final class ConnectionAuthenticator {

  /** "Last request seen" is shown to admins with minute precision; this bounds the write rate. */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final ConnectionStore connections;
  private final SecretStore secrets;
  private final SecretNames names;
  private final Clock clock;

  /** {@code secrets} should cache versions: then a warm request makes no Secrets Manager call. */
  public ConnectionAuthenticator(ConnectionStore connections, SecretStore secrets, SecretNames names, Clock clock) {
    this.connections = connections;
    this.secrets = secrets;
    this.names = names;
    this.clock = clock;
  }

  /**
   * The connection, when {@code authorization} is "Bearer" and its current secret, or its previous
   * one within the rotation grace period. The connection itself is read on every request so that a
   * deletion or a rotation without grace takes effect at once, whatever the secret cache holds.
   */
  public Connection authenticate(String connectionId, String authorization) {
    String presented = BearerSecrets.fromAuthorizationHeader(authorization).orElseThrow(UnauthenticatedException::new);
    Connection connection =
        // A pull connection has no secret: nothing may push SCIM into a directory we read.
        connections.find(connectionId).filter(c -> !c.isDeleted() && !c.type().pull())
            .orElseThrow(UnauthenticatedException::new);
    Instant now = clock.instant();
    boolean valid =
        matchesVersion(connection, connection.secretVersion(), presented)
            || (connection.acceptsPreviousSecret(now)
                && matchesVersion(connection, connection.previousSecretVersion(), presented));
    if (!valid) {
      throw new UnauthenticatedException();
    }
    if (connection.lastRequestAt() == null || connection.lastRequestAt().plus(TOUCH_INTERVAL).isBefore(now)) {
      connections.touch(connection.id(), now);
    }
    return connection;
  }

  private boolean matchesVersion(Connection connection, String version, String presented) {
    return secrets
        .version(names.connection(connection.id()), version)
        .map(expected -> BearerSecrets.matches(presented, expected))
        .orElse(false);
  }
}
