package dev.scimlambda.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimlambda.connection.SecretStore;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The {@link SecretStoreContract} run through the real AWS SDK against a Secrets Manager emulator,
 * checking on the way that every call the store makes is one its IAM policy grants.
 */
abstract class SecretsManagerSecretStoreContract extends SecretStoreContract {

  private final Set<String> actionsCalled = ConcurrentHashMap.newKeySet();
  private SecretsManagerClient client;
  private SecretsManagerSecretStore store;

  /** Where the emulator listens, or empty when it cannot run here; subclasses start it in {@code @BeforeAll}. */
  protected abstract Optional<URI> endpoint();

  /** Why {@link #endpoint} is empty, reported on every skipped test. */
  protected abstract String unavailableReason();

  @BeforeEach
  void connect() {
    // Skipping per test, not in @BeforeAll: Surefire reports a class aborted in @BeforeAll as
    // "Tests run: 0, Skipped: 0" and drops the reason (SUREFIRE-2300), which reads as a pass.
    assumeTrue(endpoint().isPresent(), unavailableReason());
    client =
        SecretsManagerClient.builder()
            .endpointOverride(endpoint().get())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ActionRecorder()))
            .build();
    store = new SecretsManagerSecretStore(client);
  }

  @AfterEach
  void onlyGrantedActionsWereCalled() {
    if (client == null) {
      return;
    }
    try {
      assertThat(actionsCalled).isSubsetOf(SecretsManagerSecretStore.IAM_ACTIONS);
    } finally {
      client.close();
    }
  }

  @Override
  protected SecretStore store() {
    return store;
  }

  @Test
  void everyGrantedActionIsNeeded() {
    String secret = newSecretId();
    String version = newVersionId();
    store.putVersion(secret, version, "first");
    store.putVersion(secret, newVersionId(), "second");
    store.version(secret, version);
    store.current(secret);
    store.delete(secret);
    store.delete(secret);

    assertThat(actionsCalled).isEqualTo(SecretsManagerSecretStore.IAM_ACTIONS);
  }

  private final class ActionRecorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      actionsCalled.add("secretsmanager:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }
}
