package dev.scimlambda.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.events.delivery.DeliveryOutcome;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.OutboundEventJson;
import dev.scimlambda.events.delivery.WebhookOutbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The embedded stack's outbox: a directory of the data directory with one file per pending event,
 * holding the full event and when it is due. Every file is written to a temporary name, synced and
 * renamed into place, so a kill at any moment leaves either the old or the new file, never half of
 * one; a file goes only once its delivery is settled (delivered, dropped, or moved to
 * {@value #DEAD_LETTERS} when given up), so pending deliveries survive a restart.
 */
public final class DirectoryWebhookOutbox implements WebhookOutbox {

  static final String DEAD_LETTERS = "dead-letters";
  private static final String SUFFIX = ".json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path directory;
  private final Object arrivalLock = new Object();
  /** Guarded by arrivalLock. */
  private long arrivalCount;

  public DirectoryWebhookOutbox(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.directory.resolve(DEAD_LETTERS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An event waiting in the outbox, and when it is due.
   *
   * @param sequence orders events due at the same time as they were enqueued (the stream's order)
   */
  public record Pending(OutboundEvent event, Instant due, long sequence) {}

  /** Microseconds since the epoch, strictly increasing within this JVM, so also across restarts. */
  private static final AtomicLong LAST_SEQUENCE = new AtomicLong();

  public Path directory() {
    return directory;
  }

  /**
   * Due now. A redelivered change's event (same id) that is still pending is not added again: it
   * keeps its place in the schedule.
   */
  @Override
  public void enqueue(List<OutboundEvent> events) {
    Instant now = Instant.now();
    for (OutboundEvent event : events) {
      write(event, now, nextSequence(), false);
    }
    signalArrival();
  }

  /** The pending events due at {@code now}, earliest first, at most {@code max}. */
  public List<Pending> due(Instant now, int max) {
    return pending().stream().filter(p -> !p.due().isAfter(now)).limit(max).toList();
  }

  /** When the next pending event is due, if any is pending. */
  public Optional<Instant> nextDue() {
    return pending().stream().map(Pending::due).findFirst();
  }

  /** Every pending event, earliest due first. */
  public List<Pending> pending() {
    List<Pending> pending = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        read(file).ifPresent(pending::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pending.sort(Comparator.comparing(Pending::due).thenComparingLong(Pending::sequence));
    return pending;
  }

  /** Events given up on, with their full body, for an operator to replay. */
  public List<OutboundEvent> deadLetters() {
    try (Stream<Path> files = Files.list(directory.resolve(DEAD_LETTERS))) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).map(DirectoryWebhookOutbox::read)
          .flatMap(Optional::stream).map(Pending::event).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the outcome of an attempt does to the event's file. */
  public void settle(OutboundEvent event, DeliveryOutcome outcome, Instant now) {
    Path file = fileOf(event);
    try {
      if (outcome instanceof DeliveryOutcome.RetryAfter retry) {
        write(event, now.plus(retry.delay()), nextSequence(), true);
      } else if (outcome instanceof DeliveryOutcome.GaveUp) {
        moveAtomically(file, directory.resolve(DEAD_LETTERS).resolve(file.getFileName()));
      } else {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many times events arrived (or {@link #wakeUp} was called) so far: read it before looking
   * for due events and pass it to {@link #awaitArrival}, so an arrival in between is not slept through.
   */
  public long arrivals() {
    synchronized (arrivalLock) {
      return arrivalCount;
    }
  }

  /** Waits until something arrived after {@code seen} (see {@link #arrivals}) or {@code millis} pass. */
  public void awaitArrival(long seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (arrivalLock) {
      long left = millis;
      while (arrivalCount == seen && left > 0) {
        arrivalLock.wait(left);
        left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      }
    }
  }

  /** Wakes whoever waits in {@link #awaitArrival}, e.g. to stop. */
  public void wakeUp() {
    signalArrival();
  }

  private void signalArrival() {
    synchronized (arrivalLock) {
      arrivalCount++;
      arrivalLock.notifyAll();
    }
  }

  private static long nextSequence() {
    long micros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    return LAST_SEQUENCE.updateAndGet(last -> Math.max(last + 1, micros));
  }

  private void write(OutboundEvent event, Instant due, long sequence, boolean replace) {
    Path file = fileOf(event);
    if (!replace && Files.exists(file)) {
      return;
    }
    ObjectNode json = MAPPER.createObjectNode();
    json.put("due", due.toString());
    json.put("sequence", sequence);
    json.put("event", OutboundEventJson.write(event));
    Path tmp = directory.resolve(file.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
    try {
      Files.writeString(tmp, json.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      moveAtomically(tmp, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      // Settled already by another attempt of the same event: nothing left to move.
    } catch (AtomicMoveNotSupportedException e) {
      throw new IllegalStateException("the outbox directory must allow atomic renames: " + to.getParent(), e);
    }
  }

  private static Optional<Pending> read(Path file) {
    try {
      JsonNode json = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return Optional.of(new Pending(OutboundEventJson.read(json.get("event").asText()),
          Instant.parse(json.get("due").asText()), json.get("sequence").asLong()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One file per delivery: the event id (stable across redeliveries) decides the name. */
  private Path fileOf(OutboundEvent event) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((event.workspaceId() + "\n" + event.eventId()).getBytes(StandardCharsets.UTF_8));
      return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + SUFFIX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
