package dev.scimlambda.secrets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.scimlambda.connection.SecretStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Caches another {@link SecretStore} so that authenticating a request rarely costs a Secrets
 * Manager call.
 *
 * <p>Versions are immutable, so a cached version can only go stale by its secret being deleted,
 * which this store invalidates; they are kept until unused for an hour. {@link #current} can move
 * under us (rotation by another function instance), so it is kept for a short TTL only. Absent
 * results are never cached: a secret created a moment later, elsewhere, must be found.
 *
 * <p>Construction reads nothing: with SnapStart, anything cached during init would be frozen into
 * the snapshot and shared by every restored instance.
 */
public final class CachingSecretStore implements SecretStore {

  private static final long MAX_VERSIONS = 10_000;
  private static final Duration VERSION_IDLE_EXPIRY = Duration.ofHours(1);
  private static final long MAX_CURRENT = 1_000;

  private final SecretStore delegate;
  private final Cache<VersionKey, String> versions;
  private final Cache<String, String> currentValues;

  public CachingSecretStore(SecretStore delegate, Duration currentTtl) {
    this(delegate, currentTtl, Ticker.systemTicker());
  }

  /** The ticker is the clock expiry is measured on; tests pass one they can advance. */
  public CachingSecretStore(SecretStore delegate, Duration currentTtl, Ticker ticker) {
    this.delegate = delegate;
    this.versions =
        Caffeine.newBuilder()
            .maximumSize(MAX_VERSIONS)
            .expireAfterAccess(VERSION_IDLE_EXPIRY)
            .ticker(ticker)
            // Lambda freezes the process between invocations; keep cache upkeep on the calling thread.
            .executor(Runnable::run)
            .build();
    this.currentValues =
        Caffeine.newBuilder()
            .maximumSize(MAX_CURRENT)
            .expireAfterWrite(currentTtl)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
  }

  @Override
  public void putVersion(String secretId, String versionId, String value) {
    delegate.putVersion(secretId, versionId, value);
    invalidate(secretId);
  }

  @Override
  public Optional<String> version(String secretId, String versionId) {
    // A loader returning null stores nothing, which is how absent results stay uncached.
    return Optional.ofNullable(
        versions.get(new VersionKey(secretId, versionId), key -> delegate.version(secretId, versionId).orElse(null)));
  }

  @Override
  public Optional<String> current(String secretId) {
    return Optional.ofNullable(currentValues.get(secretId, key -> delegate.current(secretId).orElse(null)));
  }

  @Override
  public void delete(String secretId) {
    delegate.delete(secretId);
    invalidate(secretId);
  }

  /** Forgets every cached value, e.g. before a SnapStart snapshot, so no restored instance starts with a secret. */
  public void clear() {
    currentValues.invalidateAll();
    versions.invalidateAll();
  }

  private void invalidate(String secretId) {
    currentValues.invalidate(secretId);
    versions.asMap().keySet().removeIf(key -> key.secretId().equals(secretId));
  }

  private record VersionKey(String secretId, String versionId) {}
}
