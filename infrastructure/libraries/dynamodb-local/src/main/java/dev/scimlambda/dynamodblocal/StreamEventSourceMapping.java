package dev.scimlambda.dynamodblocal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's DynamoDB event source mapping does, for a table on DynamoDB Local: reads every shard
 * of the table's stream in order and invokes the handler with batches, configured as in
 * {@code template.yaml} — ReportBatchItemFailures, BisectBatchOnFunctionError, MaximumRetryAttempts
 * and an on-failure destination (here a JSON-lines file). A record that keeps failing is written to
 * that file and skipped, so a poison record never blocks its shard.
 *
 * <p>Stopping is not failing: {@link #stop} lets the batch in flight finish, takes no new one and
 * never counts a failure seen while stopping as an attempt, so nothing reaches the on-failure file
 * and the checkpoint stays on the last batch that was fully applied. A restart resumes from there.
 */
public final class StreamEventSourceMapping implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamEventSourceMapping.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int DEFAULT_DRAIN_SECONDS = 10;

  /**
   * @param checkpointFile where shard positions are kept across restarts; null keeps them in memory
   * @param onFailureFile JSON lines, one per record given up on
   */
  public record Options(
      int batchSize, int maximumRetryAttempts, Duration pollInterval, Path checkpointFile, Path onFailureFile) {

    public static Options defaults(Path checkpointFile, Path onFailureFile) {
      return new Options(100, 5, Duration.ofMillis(200), checkpointFile, onFailureFile);
    }
  }

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
  private final Supplier<Context> contexts;
  private final Options options;
  private final ShardCheckpoints checkpoints;
  private final Map<String, Integer> attempts = new HashMap<>();
  private volatile ScheduledExecutorService poller;
  /** Set by {@link #stop}: no new batch is taken, and a failure is no longer an attempt. */
  private volatile boolean stopping;
  /** Set when the batch in flight outlived the drain: its outcome may no longer move the checkpoint. */
  private volatile boolean abandoned;

  public StreamEventSourceMapping(
      DynamoDbStreamsClient streams,
      String streamArn,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Supplier<Context> contexts,
      Options options) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.handler = handler;
    this.contexts = contexts;
    this.options = options;
    this.checkpoints = new ShardCheckpoints(options.checkpointFile());
  }

  /** Polls on one background thread, as one shard is processed by one invocation at a time in Lambda. */
  public synchronized void start() {
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "stream-event-source-mapping");
      thread.setDaemon(true);
      return thread;
    });
    long interval = options.pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::pollLoggingErrors, 0, interval, TimeUnit.MILLISECONDS);
  }

  private void pollLoggingErrors() {
    try {
      poll();
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.warn("stream poll failed, retrying: {}", e.toString());
      }
    }
  }

  /** Delivers everything written to the stream so far; returns how many records were read. */
  public synchronized int poll() {
    int read = 0;
    for (Shard shard : shards()) {
      if (stopping) {
        break;
      }
      read += pollShard(shard);
    }
    return read;
  }

  /** True once {@link #stop} was called: the poller takes no new batch. */
  public boolean stopping() {
    return stopping;
  }

  private List<Shard> shards() {
    List<Shard> shards = new ArrayList<>();
    String lastSeen = null;
    do {
      String from = lastSeen;
      var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
      shards.addAll(description.shards());
      lastSeen = description.lastEvaluatedShardId();
    } while (lastSeen != null);
    return parentsFirst(shards);
  }

  /**
   * Shards in lineage order: when a shard rolls over, its records come before its child's, as Lambda
   * finishes a parent shard before it reads the child.
   */
  static List<Shard> parentsFirst(List<Shard> shards) {
    Map<String, Shard> byId = new LinkedHashMap<>();
    shards.forEach(shard -> byId.put(shard.shardId(), shard));
    Set<String> placed = new LinkedHashSet<>();
    for (Shard shard : shards) {
      place(shard, byId, placed);
    }
    return placed.stream().map(byId::get).toList();
  }

  private static void place(Shard shard, Map<String, Shard> byId, Set<String> placed) {
    if (placed.contains(shard.shardId())) {
      return;
    }
    Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
    if (parent != null && !parent.shardId().equals(shard.shardId())) {
      place(parent, byId, placed);
    }
    placed.add(shard.shardId());
  }

  private int pollShard(Shard shard) {
    String key = streamArn + "/" + shard.shardId();
    String iterator = iterator(shard, checkpoints.position(key).orElse(null));
    int read = 0;
    while (iterator != null && !stopping) {
      String current = iterator;
      var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
      if (page.records().isEmpty()) {
        break;
      }
      read += page.records().size();
      deliver(key, page.records());
      iterator = page.nextShardIterator();
    }
    return read;
  }

  private String iterator(Shard shard, String after) {
    return streams
        .getShardIterator(b -> {
          b.streamArn(streamArn).shardId(shard.shardId());
          if (after == null) {
            b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
          } else {
            b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
          }
        })
        .shardIterator();
  }

  private void deliver(String shardKey, List<Record> records) {
    List<Record> pending = new ArrayList<>(records);
    while (!pending.isEmpty() && !stopping) {
      List<Record> batch = List.copyOf(pending.subList(0, Math.min(options.batchSize(), pending.size())));
      int succeeded = invokeBisecting(batch);
      if (succeeded > 0) {
        // Only records every projection applied move the checkpoint, and nothing moves it once the
        // stop gave up waiting: a record not known to be applied is delivered again after a restart.
        if (abandoned) {
          return;
        }
        checkpoints.advance(shardKey, batch.get(succeeded - 1).dynamodb().sequenceNumber());
        pending.subList(0, succeeded).clear();
      }
      if (succeeded < batch.size()) {
        if (stopping) {
          // A failure while stopping may be the stop itself (an interrupted call, a closing
          // client): it is not an attempt, and the record stays for the next start.
          return;
        }
        Record failed = pending.get(0);
        String sequence = failed.dynamodb().sequenceNumber();
        int tries = attempts.merge(sequence, 1, Integer::sum);
        if (tries > options.maximumRetryAttempts()) {
          sendToOnFailureDestination(failed, tries);
          attempts.remove(sequence);
          checkpoints.advance(shardKey, sequence);
          pending.remove(0);
        }
      }
    }
  }

  /**
   * Invokes the handler and returns how many records from the start of the batch succeeded. A
   * thrown error fails the whole batch; then, like BisectBatchOnFunctionError, the halves are tried
   * separately so the good records around a bad one still get through.
   */
  private int invokeBisecting(List<Record> batch) {
    try {
      StreamsEventResponse response = handler.handleRequest(event(batch), contexts.get());
      return firstFailure(batch, response);
    } catch (RuntimeException e) {
      if (stopping) {
        return 0;
      }
      LOG.warn("stream handler failed on a batch of {}: {}", batch.size(), e.getClass().getName());
      if (batch.size() == 1) {
        return 0;
      }
      int half = batch.size() / 2;
      int left = invokeBisecting(batch.subList(0, half));
      return left < half ? left : half + invokeBisecting(batch.subList(half, batch.size()));
    }
  }

  private static int firstFailure(List<Record> batch, StreamsEventResponse response) {
    if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
      return batch.size();
    }
    int first = batch.size();
    for (var failure : response.getBatchItemFailures()) {
      for (int i = 0; i < batch.size(); i++) {
        if (batch.get(i).dynamodb().sequenceNumber().equals(failure.getItemIdentifier())) {
          first = Math.min(first, i);
        }
      }
    }
    // An identifier that matches no record means the whole batch failed, as Lambda treats it.
    return first == batch.size() ? 0 : first;
  }

  private DynamodbEvent event(List<Record> batch) {
    return LambdaStreamRecords.event(batch, streamArn);
  }

  private void sendToOnFailureDestination(Record record, int attempts) {
    ObjectNode line = JSON.createObjectNode();
    line.put("failedAt", Instant.now().toString());
    line.put("attempts", attempts);
    line.put("streamArn", streamArn);
    line.put("eventID", record.eventID());
    line.put("eventName", record.eventNameAsString());
    line.put("sequenceNumber", record.dynamodb().sequenceNumber());
    line.set("keys", JSON.valueToTree(LambdaStreamRecords.image(record.dynamodb().keys())));
    LOG.error("stream record {} failed {} times; sent to {}", record.dynamodb().sequenceNumber(), attempts,
        options.onFailureFile());
    try {
      Files.createDirectories(options.onFailureFile().getParent());
      Files.writeString(options.onFailureFile(), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the on-failure destination " + options.onFailureFile(), e);
    }
  }

  /**
   * Stops polling: no new batch is taken, the batch in flight may finish within {@code drainTimeout}
   * and moves the checkpoint if it was applied. Past the timeout the poller is interrupted and its
   * batch abandoned without moving the checkpoint, so it is delivered again after a restart (the
   * projections are idempotent). Never sends a record to the on-failure destination.
   *
   * @return whether the poller finished within the timeout
   */
  public boolean stop(Duration drainTimeout) {
    stopping = true;
    ScheduledExecutorService running = poller;
    if (running == null) {
      return true;
    }
    // Not shutdownNow: an interrupt would fail the handler's calls in the middle of a batch.
    running.shutdown();
    boolean drained;
    try {
      drained = running.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    if (!drained) {
      abandoned = true;
      running.shutdownNow();
      LOG.warn("stream batch still running after {}; abandoned, it is delivered again on the next start", drainTimeout);
    }
    return drained;
  }

  /** {@link #stop} with up to {@value #DEFAULT_DRAIN_SECONDS} seconds for the batch in flight. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(DEFAULT_DRAIN_SECONDS));
  }
}
