package dev.scimlambda.admin;

import dev.scimlambda.connection.BearerSecrets;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.problem.UnauthenticatedException;
import java.util.Optional;

/**
 * Guards the admin API: the deployment's operator token (kept in the secret store, optional) or a
 * JWT of the host product's identity provider. Every refusal is the same 401.
 */
public final class AdminAuthenticator {

  private final SecretStore secrets;
  private final Optional<String> operatorTokenSecretId;
  private final AdminTokenVerifier identityProvider;

  /** {@code secrets} should cache {@code current()} briefly: every admin request checks the token. */
  public AdminAuthenticator(SecretStore secrets, String adminTokenSecretId) {
    this(secrets, Optional.of(adminTokenSecretId), AdminTokenVerifier.NONE);
  }

  public AdminAuthenticator(SecretStore secrets, Optional<String> operatorTokenSecretId,
      AdminTokenVerifier identityProvider) {
    this.secrets = secrets;
    this.operatorTokenSecretId = operatorTokenSecretId;
    this.identityProvider = identityProvider;
  }

  public AdminPrincipal authenticate(String authorization) {
    String presented = BearerSecrets.fromAuthorizationHeader(authorization).orElseThrow(UnauthenticatedException::new);
    if (isOperatorToken(presented)) {
      return AdminPrincipal.theOperator();
    }
    return identityProvider.verify(presented).orElseThrow(UnauthenticatedException::new);
  }

  private boolean isOperatorToken(String presented) {
    return operatorTokenSecretId
        .flatMap(secrets::current)
        .map(expected -> BearerSecrets.matches(presented, expected))
        .orElse(false);
  }
}
