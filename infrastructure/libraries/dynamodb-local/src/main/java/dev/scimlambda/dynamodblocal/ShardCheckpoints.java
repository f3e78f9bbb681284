package dev.scimlambda.dynamodblocal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

  /**
   * Replaces the file atomically and durably: the new positions are written to a temporary file and
   * forced to disk before the rename, and the rename is forced too, so a kill at any point leaves
   * either the old positions or the new ones, never a torn file.
   */
  private void write() {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = dir.resolve(file.getFileName() + ".tmp");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(positions));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write stream checkpoints to " + file, e);
    }
  }

  /** Makes the rename itself durable; some platforms (Windows) cannot open a directory, and need not. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The rename is still atomic; only its durability across a power loss is up to the platform.
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
