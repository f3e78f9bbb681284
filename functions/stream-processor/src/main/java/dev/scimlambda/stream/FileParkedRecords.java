package dev.scimlambda.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Parked records as JSON lines in a file of the embedded stack's data directory, full images, never
 * compressed. A lock file keeps the stream's appends and a redrive's rewrite (possibly from another
 * process, {@code scim-local.jar --redrive}) from interleaving.
 */
public final class FileParkedRecords implements ParkedRecords {

  /** One monitor per file: a JVM may not hold two locks on the same file. */
  private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final Object monitor;

  public FileParkedRecords(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.monitor = MONITORS.computeIfAbsent(this.file, f -> new Object());
  }

  public Path file() {
    return file;
  }

  @Override
  public void park(ParkedRecord record) {
    String line = ParkedRecordJson.write(record) + "\n";
    locked(() -> Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.SYNC));
  }

  @Override
  public void redrive(Redrive redrive, BooleanSupplier timeLeft) {
    locked(() -> {
      if (!Files.exists(file)) {
        return;
      }
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        if (!timeLeft.getAsBoolean()) {
          kept.add(line);
          continue;
        }
        ParkedRecord record;
        try {
          record = ParkedRecordJson.read(line);
        } catch (RuntimeException e) {
          redrive.unreadable();
          kept.add(line);
          continue;
        }
        if (!redrive.reapply(record)) {
          kept.add(line);
        }
      }
      Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(rewritten, kept, StandardCharsets.UTF_8);
      Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    });
  }

  private interface FileWork {
    void run() throws IOException;
  }

  private void locked(FileWork work) {
    synchronized (monitor) {
      try {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          work.run();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("parked stream records in " + file, e);
      }
    }
  }
}
