package dev.scimlambda.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.scimlambda.connection.SecretStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecretStore} must do, run against each implementation. Secret ids are random
 * because the AWS emulators keep state for as long as they run, across tests and test classes.
 */
abstract class SecretStoreContract {

  /** A store on fresh state for the current test. */
  protected abstract SecretStore store();

  protected static String newSecretId() {
    return "scim/test/" + UUID.randomUUID();
  }

  /** Secrets Manager takes the version id as a ClientRequestToken, which must be 32-64 characters. */
  protected static String newVersionId() {
    return UUID.randomUUID().toString();
  }

  @Test
  void storedValueReadsBackByVersionAndAsCurrent() {
    String secret = newSecretId();
    String version = newVersionId();

    store().putVersion(secret, version, "s3cr3t-1");

    assertThat(store().version(secret, version)).contains("s3cr3t-1");
    assertThat(store().current(secret)).contains("s3cr3t-1");
  }

  @Test
  void newVersionBecomesCurrent() {
    String secret = newSecretId();
    store().putVersion(secret, newVersionId(), "old");

    store().putVersion(secret, newVersionId(), "new");

    assertThat(store().current(secret)).contains("new");
  }

  @Test
  void previousVersionStaysReadableById() {
    String secret = newSecretId();
    String previous = newVersionId();
    store().putVersion(secret, previous, "old");

    store().putVersion(secret, newVersionId(), "new");

    assertThat(store().version(secret, previous)).contains("old");
  }

  @Test
  void unknownSecretReadsAsEmpty() {
    String secret = newSecretId();

    assertThat(store().current(secret)).isEmpty();
    assertThat(store().version(secret, newVersionId())).isEmpty();
  }

  @Test
  void unknownVersionOfAKnownSecretReadsAsEmpty() {
    String secret = newSecretId();
    store().putVersion(secret, newVersionId(), "value");

    assertThat(store().version(secret, newVersionId())).isEmpty();
  }

  @Test
  void deletedSecretReadsAsEmpty() {
    String secret = newSecretId();
    String version = newVersionId();
    store().putVersion(secret, version, "value");

    store().delete(secret);

    assertThat(store().current(secret)).isEmpty();
    assertThat(store().version(secret, version)).isEmpty();
  }

  @Test
  void deletingAnUnknownSecretDoesNothing() {
    String secret = newSecretId();

    store().delete(secret);

    assertThat(store().current(secret)).isEmpty();
  }

  @Test
  void deletingTwiceDoesNothingTheSecondTime() {
    String secret = newSecretId();
    store().putVersion(secret, newVersionId(), "value");
    store().delete(secret);

    store().delete(secret);

    assertThat(store().current(secret)).isEmpty();
  }

  @Test
  void repeatingAPutWithTheSameVersionIdIsIdempotent() {
    String secret = newSecretId();
    String version = newVersionId();
    store().putVersion(secret, version, "value");

    store().putVersion(secret, version, "value");

    assertThat(store().version(secret, version)).contains("value");
    assertThat(store().current(secret)).contains("value");
  }

  @Test
  void aVersionIdCannotBeReusedForADifferentValue() {
    String secret = newSecretId();
    String version = newVersionId();
    store().putVersion(secret, version, "original");

    assertThatThrownBy(() -> store().putVersion(secret, version, "replacement")).isInstanceOf(RuntimeException.class);
    assertThat(store().version(secret, version)).contains("original");
  }

  @Test
  void aRefusedWriteDoesNotRevealEitherValue() {
    String secret = newSecretId();
    String version = newVersionId();
    store().putVersion(secret, version, "original-value-4711");

    Throwable refusal = catchThrowable(() -> store().putVersion(secret, version, "replacement-value-4711"));

    assertThat(refusal).isNotNull();
    for (Throwable t = refusal; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain("value-4711");
    }
  }
}
