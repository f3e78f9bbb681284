package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.scimlambda.testing.EmfCapture;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream handler's metrics, read from its stdout as CloudWatch reads Embedded Metric Format. */
class StreamMetricsTest {

  private TestStack stack;
  private StreamHandler handler;

  @BeforeEach
  void start() {
    stack = TestStack.start(EmfCapture.PROPERTIES);
    handler = new StreamHandler(stack.context());
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  /** An item no projection derives anything from. */
  private static DynamodbEvent.DynamodbStreamRecord unrelated(String sequence) {
    return record(sequence, Map.of("pk", new AttributeValue("X#" + sequence), "entity", new AttributeValue("Unrelated")));
  }

  /** A user item without the connection every user has: the event projection cannot apply it. */
  private static DynamodbEvent.DynamodbStreamRecord brokenUser(String sequence) {
    return record(sequence, Map.of("pk", new AttributeValue("U#" + sequence), "entity", new AttributeValue("User")));
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String sequence, Map<String, AttributeValue> image) {
    StreamRecord change = new StreamRecord();
    change.setSequenceNumber(sequence);
    change.setNewImage(image);
    change.setApproximateCreationDateTime(new Date());
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setDynamodb(change);
    return record;
  }

  private StreamsEventResponse handle(DynamodbEvent.DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(records));
    return handler.handleRequest(event, new TestLambdaContext());
  }

  @Test
  void aBatchAppliedInFullCountsEveryRecordProcessedAndNoneFailed() {
    try (EmfCapture emf = EmfCapture.start()) {
      handle(unrelated("1"), unrelated("2"), unrelated("3"));

      assertThat(emf.count("StreamRecordsProcessed")).isEqualTo(3);
      assertThat(emf.count("StreamRecordsFailed")).isZero();
      assertThat(emf.documents()).allSatisfy(document ->
          assertThat(document.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ScimLambda"));
    }
  }

  @Test
  void aFailingRecordCountsOneFailedAndOnlyTheRecordsBeforeItProcessed() {
    try (EmfCapture emf = EmfCapture.start()) {
      StreamsEventResponse response = handle(unrelated("1"), brokenUser("2"), unrelated("3"));

      assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
          .containsExactly("2");
      assertThat(emf.count("StreamRecordsFailed")).isEqualTo(1);
      assertThat(emf.count("StreamRecordsProcessed")).isEqualTo(1);
    }
  }

  @Test
  void eachInvocationWritesItsOwnCounts() {
    try (EmfCapture emf = EmfCapture.start()) {
      handle(unrelated("1"));
      assertThat(emf.count("StreamRecordsProcessed")).isEqualTo(1);
      handle(unrelated("2"), unrelated("3"));
      assertThat(emf.documents()).hasSize(2);
      assertThat(emf.count("StreamRecordsProcessed")).isEqualTo(3);
    }
  }

  @Test
  void snapStartPrimingWritesNoMetric() {
    try (EmfCapture emf = EmfCapture.start()) {
      handler.beforeCheckpoint(null);
      assertThat(emf.documents()).isEmpty();
    }
  }
}
