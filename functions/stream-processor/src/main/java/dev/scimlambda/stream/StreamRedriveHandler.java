package dev.scimlambda.stream;

import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.SnapshotPriming;
import dev.scimlambda.runtime.lambda.CurrentInvocation;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-applies the stream records parked in the failure queue, on demand only:
 * {@code aws lambda invoke --function-name scim-lambda-<stage>-stream-redrive out.json}. Returns the
 * {@link RedriveReport} as a plain map (the Lambda runtime serialises maps, not records). Stops
 * taking records a minute before its timeout; invoke again while the queue still holds records
 * that now apply.
 */
public class StreamRedriveHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>>
    implements Resource {

  /** Room left for the last record and the queue's visibility resets. */
  static final long RESERVE_MILLIS = 60_000;

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          StreamRedriveHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SECRET_PREFIX, Setting.EVENT_BUS_NAME, Setting.STAGE, Setting.ACTIVITY_RETENTION_DAYS,
              Setting.TAG_REFRESH_CHUNK_SIZE, Setting.SEAT_RECONCILIATION_INTERVAL,
              Setting.STREAM_RECORD_FAILURES_QUEUE_URL, Setting.WEBHOOK_OUTBOX_QUEUE_URL),
          // What the projections need (as the stream function, which alone parks records; sending
          // stays for the webhook outbox), and reading and clearing the parked records' queue.
          FunctionManifest.union(StreamHandler.MANIFEST.iamActions(),
              Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility")),
          StreamHandler.MANIFEST.secretActions());

  private static final Logger LOG = LoggerFactory.getLogger(StreamRedriveHandler.class);

  @Inject StreamRedrive redrive;

  /** Used by Lambda. */
  public StreamRedriveHandler() {
    super();
    SnapshotPriming.register(this);
  }

  /** Used by the tests. */
  public StreamRedriveHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> input) {
    var lambda = requestContext();
    RedriveReport report = redrive.run(() -> lambda == null || lambda.getRemainingTimeInMillis() > RESERVE_MILLIS);
    LOG.info("stream redrive: {}", report.summary());
    return report.asMap();
  }

  private com.amazonaws.services.lambda.runtime.Context requestContext() {
    return getApplicationContext().getBean(CurrentInvocation.class).context().orElse(null);
  }

  /** Nothing primed: a redrive touches the queue, which must not be read while taking a snapshot. */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    SnapshotPriming.forgetSecrets(getApplicationContext());
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to re-resolve: secrets are read again on use.
  }
}
