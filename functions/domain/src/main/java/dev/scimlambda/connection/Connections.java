package dev.scimlambda.connection;

import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.DisplayName;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.random.SecureRandomIds;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Creating, rotating and revoking directory connections and their bearer secrets. */
public final class Connections {

  private static final Duration MAX_GRACE = Duration.ofDays(7);

  private final ConnectionStore store;
  private final Workspaces workspaces;
  private final SecretStore secrets;
  private final SecretNames names;
  private final Clock clock;
  private final Duration defaultGrace;

  public Connections(
      ConnectionStore store,
      Workspaces workspaces,
      SecretStore secrets,
      SecretNames names,
      Clock clock,
      Duration defaultGrace) {
    this.store = store;
    this.workspaces = workspaces;
    this.secrets = secrets;
    this.names = names;
    this.clock = clock;
    this.defaultGrace = validGrace(defaultGrace);
  }

  public IssuedConnection create(String workspaceId, String name, String type) {
    workspaces.get(workspaceId);
    String validName = DisplayName.valid("name", name);
    IdpType idpType = type(type);
    if (idpType.pull()) {
      throw new InvalidInputException("credentials", "a " + type + " connection needs its credentials");
    }
    String id = SecureRandomIds.lowercase(20);
    String version = BearerSecrets.newVersionId();
    String secret = BearerSecrets.newSecret();
    // Secret first: a connection item must never point at a secret that is not there yet.
    secrets.putVersion(names.connection(id), version, secret);
    Connection connection =
        new Connection(id, workspaceId, validName, idpType, version, null, null, clock.instant(), null, null);
    try {
      store.create(connection);
    } catch (RuntimeException e) {
      secrets.delete(names.connection(id));
      throw e;
    }
    return new IssuedConnection(connection, secret);
  }

  /** The connection type named {@code type}, or 400 listing the types. */
  public static IdpType type(String type) {
    return IdpType.fromWireName(type)
        .orElseThrow(() -> new InvalidInputException("type", "type must be one of "
            + Arrays.stream(IdpType.values()).map(IdpType::wireName).collect(Collectors.joining(", "))));
  }

  /**
   * A connection we read a directory through (Directory Sync): no bearer secret, since nothing
   * calls our SCIM endpoint for it; its credentials are stored by the caller.
   */
  public Connection createPull(String workspaceId, String name, IdpType type) {
    workspaces.get(workspaceId);
    String validName = DisplayName.valid("name", name);
    if (!type.pull()) {
      throw new IllegalArgumentException(type + " is a SCIM connection type");
    }
    Connection connection = new Connection(SecureRandomIds.lowercase(20), workspaceId, validName, type, null, null,
        null, clock.instant(), null, null);
    store.create(connection);
    return connection;
  }

  public Connection get(String workspaceId, String connectionId) {
    return store
        .find(connectionId)
        .filter(c -> c.workspaceId().equals(workspaceId))
        .orElseThrow(() -> new NotFoundException("connection " + connectionId + " not found in workspace " + workspaceId));
  }

  public List<Connection> list(String workspaceId) {
    workspaces.get(workspaceId);
    return store.listByWorkspace(workspaceId);
  }

  /** The secret the IdP should use now ("view details"). */
  public String revealSecret(String workspaceId, String connectionId) {
    Connection connection = activeScim(workspaceId, connectionId);
    return secrets
        .version(names.connection(connection.id()), connection.secretVersion())
        .orElseThrow(() -> new NotFoundException("the secret of connection " + connectionId + " is gone"));
  }

  /**
   * Issues a new secret. The old one keeps working for {@code grace} (the configured default when
   * empty) so the admin can paste the new one into the IdP without a sync failing in between.
   */
  public IssuedConnection rotateSecret(String workspaceId, String connectionId, Optional<Duration> grace) {
    Connection connection = activeScim(workspaceId, connectionId);
    Duration keepOld = grace.map(Connections::validGrace).orElse(defaultGrace);
    String version = BearerSecrets.newVersionId();
    String secret = BearerSecrets.newSecret();
    secrets.putVersion(names.connection(connection.id()), version, secret);
    Instant validUntil = clock.instant().plus(keepOld);
    store.rotateSecret(connection.id(), connection.secretVersion(), version, validUntil);
    return new IssuedConnection(get(workspaceId, connectionId), secret);
  }

  /**
   * Revokes the connection at once: the next request with its secret is refused. Its users and
   * groups stay; the secret itself is removed from the secret store by the stream processor.
   */
  public Connection delete(String workspaceId, String connectionId) {
    Connection connection = get(workspaceId, connectionId);
    store.markDeleted(connection.id(), clock.instant());
    return get(workspaceId, connectionId);
  }

  /** The connection, refused with 409 once deleted: a deleted connection's settings no longer change. */
  public Connection active(String workspaceId, String connectionId) {
    Connection connection = get(workspaceId, connectionId);
    if (connection.isDeleted()) {
      throw new ConflictException("connection " + connectionId + " is deleted");
    }
    return connection;
  }

  /** An active connection with a bearer secret: 409 for a pull connection, which has none. */
  private Connection activeScim(String workspaceId, String connectionId) {
    Connection connection = active(workspaceId, connectionId);
    if (connection.type().pull()) {
      throw new ConflictException("connection " + connectionId + " reads its directory and has no SCIM secret");
    }
    return connection;
  }

  private static Duration validGrace(Duration grace) {
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw new InvalidInputException("gracePeriod", "gracePeriod must be between PT0S and P7D");
    }
    return grace;
  }
}
