package dev.scimlambda.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.SnapshotPriming;
import dev.scimlambda.runtime.metrics.InvocationMetrics;
import dev.scimlambda.runtime.logging.LogFields;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lambda entry point for the table's DynamoDB stream. Reports partial batch failures
 * (ReportBatchItemFailures) so one bad record is retried alone instead of the whole batch.
 */
public class StreamHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> implements Resource {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          StreamHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SECRET_PREFIX, Setting.EVENT_BUS_NAME, Setting.STAGE, Setting.ACTIVITY_RETENTION_DAYS,
              Setting.TAG_REFRESH_CHUNK_SIZE, Setting.SEAT_RECONCILIATION_INTERVAL,
              Setting.STREAM_RECORD_FAILURES_QUEUE_URL, Setting.WEBHOOK_OUTBOX_QUEUE_URL),
          // The stores (app users, tags, revisions, webhooks); the cleanup of a deleted connection's
          // secret (DescribeSecret tells "already scheduled" from a refusal); directory events to the
          // bus and to the webhook outbox; parking a record a projection cannot apply. No webhook
          // secret: the delivery function signs.
          FunctionManifest.union(TableAccess.IAM_ACTIONS, Set.of("secretsmanager:DeleteSecret",
              "secretsmanager:DescribeSecret", "events:PutEvents", "sqs:SendMessage")))
      // Deletes a deleted connection's token (ConnectionSecretCleanup) without ever reading one.
      .withSecretActions(SecretNames.CONNECTIONS, Set.of("secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret"));

  @Inject ChangeProcessor processor;
  @Inject InvocationMetrics metrics;

  /** Used by Lambda. */
  public StreamHandler() {
    super();
    SnapshotPriming.register(this);
  }

  /** Used by the embedded stack and the tests. */
  public StreamHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public StreamsEventResponse execute(DynamodbEvent event) {
    try {
      List<ChangeRecord> batch = event.getRecords().stream().map(StreamHandler::decode).toList();
      return processor
          .process(batch)
          .map(failed -> new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(failed))))
          .orElseGet(() -> new StreamsEventResponse(List.of()));
    } finally {
      metrics.flush();
      // The Lambda request id Micronaut put in the MDC for this invocation; the thread serves the next.
      LogFields.clear();
    }
  }

  private static ChangeRecord decode(DynamodbEvent.DynamodbStreamRecord record) {
    var change = record.getDynamodb();
    // Lambda always sets ApproximateCreationDateTime; the fallback only covers hand-made events.
    Instant recordedAt =
        change.getApproximateCreationDateTime() == null ? Instant.now() : change.getApproximateCreationDateTime().toInstant();
    return new ChangeRecord(
        record.getEventName(),
        change.getSequenceNumber(),
        image(change.getOldImage()),
        image(change.getNewImage()),
        recordedAt);
  }

  private static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    return image == null ? Map.of() : DynamodbAttributeValueTransformer.toAttributeValueMapV2(image);
  }

  /**
   * SnapStart: the handler path primed with an empty batch (any record would be a change to apply),
   * then cached secrets forgotten; see {@link SnapshotPriming}.
   */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    DynamodbEvent empty = new DynamodbEvent();
    empty.setRecords(List.of());
    SnapshotPriming.withoutMetrics(getApplicationContext(), () -> handleRequest(empty, null));
    SnapshotPriming.forgetSecrets(getApplicationContext());
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to re-resolve: secrets were forgotten before the snapshot and are read again on use.
  }
}
