package dev.scimlambda.stream;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.persistence.ItemChanges.ConnectionChanged;

/**
 * Removes a deleted connection's secret from the secret store. The API already refuses the secret
 * the moment the connection is marked deleted; this is the cleanup, retried by the stream until it
 * succeeds, so a Secrets Manager hiccup never fails the admin's delete.
 */
public final class ConnectionSecretCleanup implements Projection {

  private final SecretStore secrets;
  private final SecretNames names;

  public ConnectionSecretCleanup(SecretStore secrets, SecretNames names) {
    this.secrets = secrets;
    this.names = names;
  }

  @Override
  public void apply(ChangeRecord change) {
    if (!(change.change() instanceof ConnectionChanged changed) || changed.after() == null) {
      return;
    }
    Connection connection = changed.after();
    if (connection.isDeleted()) {
      secrets.delete(names.connection(connection.id()));
    }
  }
}
