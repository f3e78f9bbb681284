package dev.scimlambda.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.connection.SecretStore;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSecretStoreTest extends SecretStoreContract {

  @TempDir Path directory;
  private Path file;
  private LocalFileSecretStore store;

  @BeforeEach
  void openStore() {
    file = directory.resolve("local/secrets.json");
    store = new LocalFileSecretStore(file);
  }

  @Override
  protected SecretStore store() {
    return store;
  }

  @Test
  void aNewInstanceOnTheSameFileKeepsEverySecret() {
    String secret = newSecretId();
    String previous = newVersionId();
    store.putVersion(secret, previous, "old");
    store.putVersion(secret, newVersionId(), "new");

    LocalFileSecretStore restarted = new LocalFileSecretStore(file);

    assertThat(restarted.current(secret)).contains("new");
    assertThat(restarted.version(secret, previous)).contains("old");
  }

  @Test
  void instancesSharingAFileSeeEachOthersWrites() {
    LocalFileSecretStore other = new LocalFileSecretStore(file);
    String secret = newSecretId();

    other.putVersion(secret, newVersionId(), "written elsewhere");

    assertThat(store.current(secret)).contains("written elsewhere");
  }

  @Test
  void fileIsReadableAndWritableByItsOwnerOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "file system has no POSIX permissions");

    store.putVersion(newSecretId(), newVersionId(), "value");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void writesLeaveNoTemporaryFilesBehind() throws IOException {
    store.putVersion(newSecretId(), newVersionId(), "one");
    store.putVersion(newSecretId(), newVersionId(), "two");

    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void fileHoldsEachSecretsCurrentVersionIdAndItsValuesById() throws IOException {
    String secret = newSecretId();
    String previous = newVersionId();
    String latest = newVersionId();
    store.putVersion(secret, previous, "old");
    store.putVersion(secret, latest, "new");

    JsonNode stored = new ObjectMapper().readTree(file.toFile()).get(secret);

    assertThat(stored.get("current").asText()).isEqualTo(latest);
    assertThat(stored.get("versions").get(previous).asText()).isEqualTo("old");
    assertThat(stored.get("versions").get(latest).asText()).isEqualTo("new");
  }

  @Test
  void aDamagedFileStopsConstructionWithoutQuotingItsContent() throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"s\": {\"current\": \"v\", \"versions\": {\"v\": leaked-secret-4711");

    assertThatThrownBy(() -> new LocalFileSecretStore(file))
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("leaked-secret-4711");
  }
}
