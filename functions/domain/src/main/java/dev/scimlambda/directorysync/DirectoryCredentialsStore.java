package dev.scimlambda.directorysync;

import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.problem.NotFoundException;
import java.util.UUID;

/**
 * A pull connection's credentials in the secret store, one secret per connection under {@link
 * SecretNames#DIRECTORY_CREDENTIALS}, so only the sync function and the admin API may read them.
 * Write-only towards admins: replacing writes a new version, nothing reads them back out.
 */
public final class DirectoryCredentialsStore {

  private final SecretStore secrets;
  private final SecretNames names;

  public DirectoryCredentialsStore(SecretStore secrets, SecretNames names) {
    this.secrets = secrets;
    this.names = names;
  }

  public void put(String connectionId, DirectoryCredentials credentials) {
    secrets.putVersion(names.directoryCredentials(connectionId), UUID.randomUUID().toString(),
        DirectoryCredentialsJson.write(credentials));
  }

  /** Read at the start of each run (never cached at init: SnapStart). */
  public DirectoryCredentials get(String connectionId) {
    return secrets.current(names.directoryCredentials(connectionId))
        .map(DirectoryCredentialsJson::parse)
        .orElseThrow(() -> new NotFoundException("the connection has no directory credentials"));
  }

  public void delete(String connectionId) {
    secrets.delete(names.directoryCredentials(connectionId));
  }
}
