package dev.scimlambda.connection;

import java.util.Optional;

/**
 * Where bearer secrets live: AWS Secrets Manager in AWS, a file on disk in the embedded stack.
 *
 * <p>Each secret id holds versions; writing a version makes it the current one. Versions are
 * immutable, which is what lets callers cache {@link #version} results without ever serving a
 * revoked or rotated value: a rotation produces a new version id rather than changing an old one.
 */
public interface SecretStore {

  /** Stores {@code value} as version {@code versionId} of {@code secretId}, creating the secret if needed. */
  void putVersion(String secretId, String versionId, String value);

  /** The value of one version, or empty when the secret or the version does not exist. */
  Optional<String> version(String secretId, String versionId);

  /** The current version's value, or empty when the secret does not exist. */
  Optional<String> current(String secretId);

  /** Removes the secret and all its versions; no-op when it does not exist. */
  void delete(String secretId);
}
