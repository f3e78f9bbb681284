package dev.scimlambda.admin;

import dev.scimlambda.connection.BearerSecrets;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.problem.UnauthenticatedException;

/** Guards the admin API with the deployment's admin token, kept in the secret store. */
public final class AdminAuthenticator {

  private final SecretStore secrets;
  private final String adminTokenSecretId;

  /** {@code secrets} should cache {@code current()} briefly: every admin request checks the token. */
  public AdminAuthenticator(SecretStore secrets, String adminTokenSecretId) {
    this.secrets = secrets;
    this.adminTokenSecretId = adminTokenSecretId;
  }

  public void authenticate(String authorization) {
    String presented = BearerSecrets.fromAuthorizationHeader(authorization).orElseThrow(UnauthenticatedException::new);
    String expected = secrets.current(adminTokenSecretId).orElseThrow(UnauthenticatedException::new);
    if (!BearerSecrets.matches(presented, expected)) {
      throw new UnauthenticatedException();
    }
  }
}
