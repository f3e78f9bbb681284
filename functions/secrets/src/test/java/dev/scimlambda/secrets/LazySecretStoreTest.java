package dev.scimlambda.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** The lazy store honours the whole contract, builds nothing until used, and clears values but keeps what it built. */
class LazySecretStoreTest extends SecretStoreContract {

  @TempDir Path directory;
  private final AtomicInteger builds = new AtomicInteger();
  private LazySecretStore lazy;

  @BeforeEach
  void openStore() {
    lazy = new LazySecretStore(() -> {
      builds.incrementAndGet();
      return new CachingSecretStore(new LocalFileSecretStore(directory.resolve("secrets.json")), Duration.ofMinutes(5));
    });
  }

  @Override
  protected SecretStore store() {
    return lazy;
  }

  @Test
  void constructionBuildsNothing() {
    assertThat(builds).hasValue(0);
    assertThat(lazy.built()).isFalse();
  }

  @Test
  void theFirstUseBuildsOnceAndClearKeepsTheBuiltStore() {
    String secret = newSecretId();
    lazy.putVersion(secret, newVersionId(), "value");
    assertThat(lazy.current(secret)).contains("value");
    lazy.clear();
    lazy.prepare();

    assertThat(lazy.current(secret)).contains("value");
    assertThat(builds).hasValue(1);
  }
}
