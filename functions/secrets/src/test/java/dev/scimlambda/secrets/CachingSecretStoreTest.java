package dev.scimlambda.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decorator must still honour the whole contract, and on top of it spare its delegate calls. */
class CachingSecretStoreTest extends SecretStoreContract {

  private static final Duration CURRENT_TTL = Duration.ofSeconds(30);

  @TempDir Path directory;
  private final AtomicLong nanos = new AtomicLong();
  private CountingSecretStore delegate;
  private CachingSecretStore cache;

  @BeforeEach
  void openStore() {
    delegate = new CountingSecretStore(new LocalFileSecretStore(directory.resolve("secrets.json")));
    cache = new CachingSecretStore(delegate, CURRENT_TTL, nanos::get);
  }

  @Override
  protected SecretStore store() {
    return cache;
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void constructionReadsNothing() {
    assertThat(delegate.reads()).isZero();
  }

  @Test
  void aWarmVersionIsServedWithoutAskingTheDelegate() {
    String secret = newSecretId();
    String version = newVersionId();
    delegate.putVersion(secret, version, "value");
    cache.version(secret, version);

    assertThat(cache.version(secret, version)).contains("value");
    assertThat(delegate.versionReads.get()).isEqualTo(1);
  }

  @Test
  void theSameVersionIdUnderAnotherSecretIsCachedSeparately() {
    String version = newVersionId();
    String first = newSecretId();
    String second = newSecretId();
    delegate.putVersion(first, version, "first");
    delegate.putVersion(second, version, "second");
    cache.version(first, version);

    assertThat(cache.version(second, version)).contains("second");
  }

  @Test
  void aMissingVersionIsLookedUpAgainNextTime() {
    String secret = newSecretId();
    String version = newVersionId();
    assertThat(cache.version(secret, version)).isEmpty();

    delegate.putVersion(secret, version, "created elsewhere");

    assertThat(cache.version(secret, version)).contains("created elsewhere");
  }

  @Test
  void aMissingCurrentValueIsLookedUpAgainNextTime() {
    String secret = newSecretId();
    assertThat(cache.current(secret)).isEmpty();

    delegate.putVersion(secret, newVersionId(), "created elsewhere");

    assertThat(cache.current(secret)).contains("created elsewhere");
  }

  @Test
  void currentIsServedFromCacheWithinItsTtl() {
    String secret = newSecretId();
    delegate.putVersion(secret, newVersionId(), "old");
    cache.current(secret);
    delegate.putVersion(secret, newVersionId(), "rotated elsewhere");

    advance(CURRENT_TTL.minusNanos(1));

    assertThat(cache.current(secret)).contains("old");
    assertThat(delegate.currentReads.get()).isEqualTo(1);
  }

  @Test
  void currentIsRefreshedOnceItsTtlHasPassed() {
    String secret = newSecretId();
    delegate.putVersion(secret, newVersionId(), "old");
    cache.current(secret);
    delegate.putVersion(secret, newVersionId(), "rotated elsewhere");

    advance(CURRENT_TTL);

    assertThat(cache.current(secret)).contains("rotated elsewhere");
  }

  @Test
  void putVersionThroughTheCacheIsCurrentAtOnce() {
    String secret = newSecretId();
    cache.putVersion(secret, newVersionId(), "old");
    cache.current(secret);

    cache.putVersion(secret, newVersionId(), "new");

    assertThat(cache.current(secret)).contains("new");
  }

  @Test
  void deleteThroughTheCacheForgetsCachedVersionsAndCurrent() {
    String secret = newSecretId();
    String version = newVersionId();
    cache.putVersion(secret, version, "value");
    cache.version(secret, version);
    cache.current(secret);

    cache.delete(secret);

    assertThat(cache.version(secret, version)).isEmpty();
    assertThat(cache.current(secret)).isEmpty();
  }

  /** Counts the reads that reach the real store behind the cache. */
  private static final class CountingSecretStore implements SecretStore {
    private final SecretStore delegate;
    final AtomicInteger versionReads = new AtomicInteger();
    final AtomicInteger currentReads = new AtomicInteger();

    CountingSecretStore(SecretStore delegate) {
      this.delegate = delegate;
    }

    int reads() {
      return versionReads.get() + currentReads.get();
    }

    @Override
    public void putVersion(String secretId, String versionId, String value) {
      delegate.putVersion(secretId, versionId, value);
    }

    @Override
    public Optional<String> version(String secretId, String versionId) {
      versionReads.incrementAndGet();
      return delegate.version(secretId, versionId);
    }

    @Override
    public Optional<String> current(String secretId) {
      currentReads.incrementAndGet();
      return delegate.current(secretId);
    }

    @Override
    public void delete(String secretId) {
      delegate.delete(secretId);
    }
  }
}
