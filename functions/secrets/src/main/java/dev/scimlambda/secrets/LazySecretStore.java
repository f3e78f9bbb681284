package dev.scimlambda.secrets;

import dev.scimlambda.connection.SecretStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link SecretStore} built on its first use, not when the function starts: the Secrets Manager
 * client and the cache (with their classes) cost a function's init nothing, and a cold start nothing
 * until a request needs a secret. Under SnapStart, priming calls {@link #prepare} then {@link #clear}:
 * the snapshot holds the built client (like the DynamoDB client, nothing secret) and no cached value.
 */
public final class LazySecretStore implements SecretStore {

  private final Supplier<CachingSecretStore> factory;
  private volatile CachingSecretStore store;

  public LazySecretStore(Supplier<CachingSecretStore> factory) {
    this.factory = factory;
  }

  /** Builds the store now if it is not built yet; reads no secret. */
  public void prepare() {
    store();
  }

  private CachingSecretStore store() {
    CachingSecretStore built = store;
    if (built == null) {
      synchronized (this) {
        built = store;
        if (built == null) {
          built = factory.get();
          store = built;
        }
      }
    }
    return built;
  }

  /** Whether the store has been built since construction or the last {@link #clear}. */
  public boolean built() {
    return store != null;
  }

  /** Forgets every cached value (the built client stays), e.g. before a SnapStart snapshot. */
  public void clear() {
    CachingSecretStore built = store;
    if (built != null) {
      built.clear();
    }
  }

  @Override
  public void putVersion(String secretId, String versionId, String value) {
    store().putVersion(secretId, versionId, value);
  }

  @Override
  public Optional<String> version(String secretId, String versionId) {
    return store().version(secretId, versionId);
  }

  @Override
  public Optional<String> current(String secretId) {
    return store().current(secretId);
  }

  @Override
  public void delete(String secretId) {
    store().delete(secretId);
  }
}
