package dev.scimlambda.secrets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scimlambda.connection.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The embedded stack's {@link SecretStore}: one JSON file,
 * {@code {secretId: {"current": versionId, "versions": {versionId: value}}}}.
 *
 * <p>The file is the only state. Every call reads it, so handlers that each build their own store
 * on the same file (several Micronaut contexts in one JVM) see each other's writes. Writes replace
 * the file atomically, so a reader never sees half of one; concurrent writers are serialised within
 * a JVM, not across processes.
 */
public final class LocalFileSecretStore implements SecretStore {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final TypeReference<TreeMap<String, StoredSecret>> FILE_TYPE = new TypeReference<>() {};
  /** JVM-wide because instances on the same file must not interleave read-modify-write cycles. */
  private static final Object WRITE_LOCK = new Object();

  private final Path file;

  public LocalFileSecretStore(Path file) {
    this.file = file.toAbsolutePath();
    // A damaged file should stop the stack at startup, not at the first authentication.
    read();
  }

  @Override
  public void putVersion(String secretId, String versionId, String value) {
    synchronized (WRITE_LOCK) {
      TreeMap<String, StoredSecret> secrets = read();
      StoredSecret existing = secrets.get(secretId);
      if (existing != null && existing.versions().containsKey(versionId)) {
        // Same contract as Secrets Manager: a repeated write is idempotent, a version never changes.
        if (existing.versions().get(versionId).equals(value)) {
          return;
        }
        throw new IllegalStateException(
            "version " + versionId + " of secret " + secretId + " already exists with a different value");
      }
      Map<String, String> versions = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing.versions());
      versions.put(versionId, value);
      secrets.put(secretId, new StoredSecret(versionId, versions));
      write(secrets);
    }
  }

  @Override
  public Optional<String> version(String secretId, String versionId) {
    return Optional.ofNullable(read().get(secretId)).map(secret -> secret.versions().get(versionId));
  }

  @Override
  public Optional<String> current(String secretId) {
    return Optional.ofNullable(read().get(secretId)).map(secret -> secret.versions().get(secret.current()));
  }

  @Override
  public void delete(String secretId) {
    synchronized (WRITE_LOCK) {
      TreeMap<String, StoredSecret> secrets = read();
      if (secrets.remove(secretId) != null) {
        write(secrets);
      }
    }
  }

  private TreeMap<String, StoredSecret> read() {
    try {
      return JSON.readValue(Files.readAllBytes(file), FILE_TYPE);
    } catch (NoSuchFileException absent) {
      return new TreeMap<>();
    } catch (JsonProcessingException malformed) {
      // Jackson's message quotes the offending token, which may be a secret; keep only the position.
      JsonLocation at = malformed.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalStateException("secret store file " + file + " is not valid" + where);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret store file " + file, e);
    }
  }

  private void write(TreeMap<String, StoredSecret> secrets) {
    Path directory = file.getParent();
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp", ownerOnly());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(secrets)));
        // Without this a crash right after the rename can leave an empty file in place of the secrets.
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UncheckedIOException("cannot write secret store file " + file, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The write already failed; that is the error worth reporting.
    }
  }

  private record StoredSecret(String current, Map<String, String> versions) {}
}
