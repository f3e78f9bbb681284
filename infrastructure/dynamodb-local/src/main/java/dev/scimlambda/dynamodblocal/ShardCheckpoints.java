package dev.scimlambda.dynamodblocal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last delivered sequence number per shard, kept in a file so a restarted stack resumes where it
 * stopped instead of replaying the stream (Lambda keeps this position for its event source mapping).
 * Without a file, positions live in memory only.
 */
final class ShardCheckpoints {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, String> positions;

  ShardCheckpoints(Path file) {
    this.file = file;
    this.positions = file != null && Files.exists(file) ? read(file) : new HashMap<>();
  }

  Optional<String> position(String shardKey) {
    return Optional.ofNullable(positions.get(shardKey));
  }

  void advance(String shardKey, String sequenceNumber) {
    positions.put(shardKey, sequenceNumber);
    if (file != null) {
      write();
    }
  }

  private void write() {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(temp.toFile(), positions);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write stream checkpoints to " + file, e);
    }
  }

  private static Map<String, String> read(Path file) {
    try {
      return new HashMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stream checkpoints from " + file, e);
    }
  }
}
