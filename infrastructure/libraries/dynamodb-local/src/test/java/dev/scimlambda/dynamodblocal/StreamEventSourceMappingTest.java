package dev.scimlambda.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.scimlambda.table.TableDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Shard;

class StreamEventSourceMappingTest {

  private static DynamoDbLocal local;
  private static DynamoDbClient dynamo;
  @TempDir Path dir;
  private String table;

  @BeforeAll
  static void startDatabase() {
    local = DynamoDbLocal.inMemory();
    dynamo = local.client();
  }

  @AfterAll
  static void stopDatabase() {
    local.close();
  }

  /** Records what it was given; fails every record whose pk matches {@code poison}. */
  private static final class RecordingHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    final List<List<String>> batches = new ArrayList<>();
    final List<String> delivered = new ArrayList<>();
    final Predicate<String> poison;
    final boolean throwInsteadOfReporting;

    RecordingHandler(Predicate<String> poison, boolean throwInsteadOfReporting) {
      this.poison = poison;
      this.throwInsteadOfReporting = throwInsteadOfReporting;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, com.amazonaws.services.lambda.runtime.Context c) {
      List<String> batch = event.getRecords().stream().map(RecordingHandler::pk).toList();
      batches.add(batch);
      for (var record : event.getRecords()) {
        if (poison.test(pk(record))) {
          if (throwInsteadOfReporting) {
            throw new IllegalStateException("poison");
          }
          return new StreamsEventResponse(
              List.of(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
        }
        delivered.add(pk(record));
      }
      return new StreamsEventResponse(List.of());
    }

    static String pk(DynamodbEvent.DynamodbStreamRecord record) {
      return record.getDynamodb().getKeys().get("pk").getS();
    }
  }

  private String newTable() {
    table = "stream-" + UUID.randomUUID();
    TableDefinition.load().createIfAbsent(dynamo, table);
    return table;
  }

  private void put(String pk) {
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("x"))));
  }

  private StreamEventSourceMapping mapping(RequestHandler<DynamodbEvent, StreamsEventResponse> handler, int batchSize) {
    String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    var options =
        new StreamEventSourceMapping.Options(batchSize, 2, Duration.ofMillis(50), dir.resolve("checkpoints.json"),
            dir.resolve("failed.jsonl"));
    return new StreamEventSourceMapping(local.streamsClient(), arn, handler, () -> null, options);
  }

  @Test
  void insertModifyAndRemoveArriveWithTheirImages() {
    newTable();
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("x"));
    dynamo.putItem(b -> b.tableName(table).item(Map.of(
        "pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("x"),
        "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromBool(true))))),
        "numbers", AttributeValue.fromNs(List.of("1", "2")))));
    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("new"))));
    dynamo.deleteItem(b -> b.tableName(table).key(key));
    List<DynamodbEvent.DynamodbStreamRecord> seen = new ArrayList<>();
    mapping((event, c) -> {
      seen.addAll(event.getRecords());
      return new StreamsEventResponse(List.of());
    }, 100).poll();

    assertThat(seen).extracting(DynamodbEvent.DynamodbStreamRecord::getEventName).containsExactly("INSERT", "MODIFY", "REMOVE");
    var insert = seen.get(0).getDynamodb();
    assertThat(insert.getNewImage().get("nested").getM().get("list").getL().get(1).getBOOL()).isTrue();
    assertThat(insert.getNewImage().get("numbers").getNS()).containsExactlyInAnyOrder("1", "2");
    assertThat(seen.get(1).getDynamodb().getOldImage()).doesNotContainKey("v");
    assertThat(seen.get(1).getDynamodb().getNewImage().get("v").getS()).isEqualTo("new");
    assertThat(seen.get(2).getDynamodb().getNewImage()).isNull();
    assertThat(seen.get(0).getEventSource()).isEqualTo("aws:dynamodb");
  }

  @Test
  void batchesAreNoLargerThanTheBatchSize() {
    newTable();
    for (int i = 0; i < 7; i++) {
      put("p" + i);
    }
    RecordingHandler handler = new RecordingHandler(pk -> false, false);
    mapping(handler, 3).poll();
    assertThat(handler.batches).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(handler.delivered).hasSize(7);
  }

  @Test
  void aReportedFailureIsRetriedFromTheFailedRecordWithoutRedeliveringEarlierOnes() {
    newTable();
    put("ok1");
    put("flaky");
    put("ok2");
    List<String> failedOnce = new ArrayList<>();
    RecordingHandler handler = new RecordingHandler(pk -> pk.equals("flaky") && failedOnce.add(pk) && failedOnce.size() == 1, false);
    mapping(handler, 100).poll();
    assertThat(handler.batches).containsExactly(List.of("ok1", "flaky", "ok2"), List.of("flaky", "ok2"));
    assertThat(handler.delivered).containsExactly("ok1", "flaky", "ok2");
  }

  @Test
  void aPoisonRecordGoesToTheOnFailureDestinationAndLaterRecordsStillArrive() throws Exception {
    newTable();
    put("before");
    put("poison");
    put("after");
    RecordingHandler handler = new RecordingHandler(pk -> pk.equals("poison"), false);
    mapping(handler, 100).poll();
    assertThat(handler.delivered).containsExactly("before", "after");
    List<String> failures = Files.readAllLines(dir.resolve("failed.jsonl"));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).contains("\"poison\"").contains("\"attempts\":3");
  }

  /** Records before the bad one are delivered more than once: at-least-once, as in Lambda. */
  @Test
  void aThrowingHandlerIsBisectedSoRecordsAroundTheBadOneGetThrough() throws Exception {
    newTable();
    for (String pk : List.of("a", "b", "bad", "c")) {
      put(pk);
    }
    RecordingHandler handler = new RecordingHandler(pk -> pk.equals("bad"), true);
    mapping(handler, 100).poll();
    assertThat(handler.delivered).contains("a", "b", "c").doesNotContain("bad");
    assertThat(handler.delivered.get(handler.delivered.size() - 1)).isEqualTo("c");
    assertThat(Files.readString(dir.resolve("failed.jsonl"))).contains("\"bad\"");
  }

  @Test
  void aRestartWithTheSameCheckpointRedeliversNothing() {
    newTable();
    put("first");
    RecordingHandler before = new RecordingHandler(pk -> false, false);
    mapping(before, 100).poll();
    put("second");
    RecordingHandler after = new RecordingHandler(pk -> false, false);
    mapping(after, 100).poll();
    assertThat(before.delivered).containsExactly("first");
    assertThat(after.delivered).containsExactly("second");
  }

  /** Blocks its first batch until released, then answers as {@code outcome} says; later batches succeed. */
  private static final class HeldFirstBatch implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> applied = new CopyOnWriteArrayList<>();
    final Runnable outcome;

    HeldFirstBatch(Runnable outcome) {
      this.outcome = outcome;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, com.amazonaws.services.lambda.runtime.Context c) {
      if (entered.getCount() > 0) {
        entered.countDown();
        awaitIgnoringInterrupts(release);
        outcome.run();
      }
      event.getRecords().forEach(r -> applied.add(RecordingHandler.pk(r)));
      return new StreamsEventResponse(List.of());
    }
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> putAll(int count) {
    List<String> pks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      put("r" + i);
      pks.add("r" + i);
    }
    return pks;
  }

  /** Stops {@code mapping} on another thread once its first batch is in the handler; returns the stop's outcome. */
  private static CompletableFuture<Boolean> stopDuringFirstBatch(
      StreamEventSourceMapping mapping, HeldFirstBatch handler, Duration drain) throws Exception {
    mapping.start();
    assertThat(handler.entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> mapping.stop(drain));
    while (!mapping.stopping()) {
      Thread.onSpinWait();
    }
    return stopped;
  }

  @Test
  void aStopLetsTheBatchInFlightFinishTakesNoOtherAndTheRestartResumesAfterIt() throws Exception {
    newTable();
    List<String> pks = putAll(5);
    HeldFirstBatch handler = new HeldFirstBatch(() -> {});
    CompletableFuture<Boolean> stopped = stopDuringFirstBatch(mapping(handler, 2), handler, Duration.ofSeconds(10));
    handler.release.countDown();

    assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(handler.applied).containsExactly("r0", "r1");
    RecordingHandler restarted = new RecordingHandler(pk -> false, false);
    mapping(restarted, 2).poll();
    assertThat(restarted.delivered).containsExactlyElementsOf(pks.subList(2, 5));
    assertThat(dir.resolve("failed.jsonl")).doesNotExist();
  }

  /** The stop closes what the handler uses, so its batch fails: that is not the records' fault. */
  @Test
  void aBatchThatFailsBecauseOfTheStopIsNeitherDeadLetteredNorCheckpointed() throws Exception {
    newTable();
    List<String> pks = putAll(3);
    HeldFirstBatch handler = new HeldFirstBatch(() -> {
      throw new IllegalStateException("context closed");
    });
    CompletableFuture<Boolean> stopped = stopDuringFirstBatch(mapping(handler, 100), handler, Duration.ofSeconds(10));
    handler.release.countDown();

    assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dir.resolve("failed.jsonl")).doesNotExist();
    RecordingHandler restarted = new RecordingHandler(pk -> false, false);
    mapping(restarted, 100).poll();
    assertThat(restarted.delivered).containsExactlyElementsOf(pks);
  }

  /** Past the drain the poller is interrupted; whatever its batch then reports, it is delivered again. */
  @Test
  void aBatchOutlivingTheDrainIsAbandonedWithoutMovingTheCheckpoint() throws Exception {
    newTable();
    List<String> pks = putAll(3);
    HeldFirstBatch handler = new HeldFirstBatch(() -> {});
    StreamEventSourceMapping mapping = mapping(handler, 100);
    CompletableFuture<Boolean> stopped = stopDuringFirstBatch(mapping, handler, Duration.ofMillis(100));

    assertThat(stopped.get(10, TimeUnit.SECONDS)).isFalse();
    handler.release.countDown();
    mapping.poll(); // waits for the abandoned batch to leave the poller, then takes nothing
    assertThat(handler.applied).containsExactlyElementsOf(pks);

    RecordingHandler restarted = new RecordingHandler(pk -> false, false);
    mapping(restarted, 100).poll();
    assertThat(restarted.delivered).containsExactlyElementsOf(pks);
    assertThat(dir.resolve("failed.jsonl")).doesNotExist();
  }

  @Test
  void theCheckpointFileIsReplacedWholeAndLeavesNoTemporaryFileBehind() throws Exception {
    newTable();
    putAll(3);
    mapping(new RecordingHandler(pk -> false, false), 1).poll();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("checkpoints.json");
    }
    assertThat(Files.readString(dir.resolve("checkpoints.json"))).contains(table);
  }

  @Test
  void aRolledOverShardIsReadBeforeItsChild() {
    Shard child = Shard.builder().shardId("shard-2").parentShardId("shard-1").build();
    Shard parent = Shard.builder().shardId("shard-1").parentShardId("shard-0").build();
    Shard other = Shard.builder().shardId("shard-9").build();

    assertThat(StreamEventSourceMapping.parentsFirst(List.of(child, other, parent)))
        .extracting(Shard::shardId).containsExactly("shard-1", "shard-2", "shard-9");
  }
}
