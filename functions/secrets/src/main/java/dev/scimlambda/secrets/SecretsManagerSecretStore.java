package dev.scimlambda.secrets;

import dev.scimlambda.connection.SecretStore;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link SecretStore} on AWS Secrets Manager. A store version id is the Secrets Manager version id:
 * it is sent as the {@code ClientRequestToken}, so it must be 32 to 64 characters (a UUID fits).
 *
 * <p>Nothing here logs, and no message we build contains a secret value; the SDK redacts
 * {@code SecretString} from request and response {@code toString()}.
 */
public final class SecretsManagerSecretStore implements SecretStore {

  /** Every Secrets Manager action this class calls; the function's IAM policy grants exactly these. */
  public static final Set<String> IAM_ACTIONS =
      Set.of(
          "secretsmanager:CreateSecret",
          "secretsmanager:PutSecretValue",
          "secretsmanager:GetSecretValue",
          "secretsmanager:DeleteSecret",
          "secretsmanager:DescribeSecret");

  /** A deleted secret stays recoverable this long, so a mistaken delete can be undone by hand. */
  static final long RECOVERY_WINDOW_DAYS = 7;

  private final SecretsManagerClient client;

  public SecretsManagerSecretStore(SecretsManagerClient client) {
    this.client = client;
  }

  @Override
  public void putVersion(String secretId, String versionId, String value) {
    // Putting first is right for every rotation; only the first version of a secret pays the extra call.
    try {
      client.putSecretValue(b -> b.secretId(secretId).clientRequestToken(versionId).secretString(value));
    } catch (ResourceNotFoundException missing) {
      client.createSecret(b -> b.name(secretId).clientRequestToken(versionId).secretString(value));
    }
  }

  @Override
  public Optional<String> version(String secretId, String versionId) {
    return read(secretId, versionId);
  }

  @Override
  public Optional<String> current(String secretId) {
    // Without a version id Secrets Manager answers with AWSCURRENT.
    return read(secretId, null);
  }

  private Optional<String> read(String secretId, String versionId) {
    try {
      return Optional.ofNullable(
          client.getSecretValue(b -> b.secretId(secretId).versionId(versionId)).secretString());
    } catch (ResourceNotFoundException | InvalidRequestException gone) {
      // InvalidRequestException here means the secret is scheduled for deletion: it no longer
      // authenticates anyone, and reading it as absent fails closed.
      return Optional.empty();
    }
  }

  @Override
  public void delete(String secretId) {
    try {
      client.deleteSecret(
          b -> b.secretId(secretId).forceDeleteWithoutRecovery(false).recoveryWindowInDays(RECOVERY_WINDOW_DAYS));
    } catch (ResourceNotFoundException alreadyGone) {
      // Deleting is idempotent.
    } catch (InvalidRequestException refused) {
      // Also raised for secrets we may not delete (replicated, managed by another service); only a
      // secret already scheduled for deletion is a no-op, otherwise a revocation would silently fail.
      if (!scheduledForDeletion(secretId)) {
        throw refused;
      }
    }
  }

  private boolean scheduledForDeletion(String secretId) {
    return client.describeSecret(b -> b.secretId(secretId)).deletedDate() != null;
  }
}
