package dev.scimlambda.directorysync.function;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.DirectorySyncEngine;
import dev.scimlambda.directorysync.SyncDispatch;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.logging.LogFields;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lambda entry point of the sync function, fed by the sync queue one message at a time: a tick of
 * the schedule starts the runs that are due; a run message works on that run for the invocation's
 * time (the function's 15 minutes less a margin) and sends itself a delayed message to go on.
 * Reads directories with the credentials in Secrets Manager; writes through SCIM Users and Groups.
 */
public class DirectorySyncHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          DirectorySyncHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SECRET_PREFIX, Setting.SYNC_QUEUE_URL),
          // SCIM users, groups, app users, seats and its own DSYNC# items; the pull connections'
          // credentials; its own continuation messages (the event source mapping receives and deletes).
          FunctionManifest.union(TableAccess.IAM_ACTIONS, Set.of("secretsmanager:GetSecretValue", "sqs:SendMessage")))
      .withSecretActions(SecretNames.DIRECTORY_CREDENTIALS, Set.of("secretsmanager:GetSecretValue"));

  /** What one invocation works; template.yaml gives the function 900 s, the rest finishes the page under way. */
  static final Duration BUDGET = Duration.ofMinutes(13);

  @Inject DirectorySyncEngine engine;
  @Inject DirectorySyncConnections connections;
  @Inject SyncDispatch dispatch;
  @Inject Clock clock;

  /** Used by Lambda. */
  public DirectorySyncHandler() {
    super();
  }

  /** Used by the tests. */
  public DirectorySyncHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    try {
      for (SQSEvent.SQSMessage message : event.getRecords()) {
        try {
          SyncMessages.parse(message.getBody()).ifPresentOrElse(work -> {
            DirectorySyncEngine.Progress progress =
                engine.work(work.connectionId(), work.runId(), clock.instant().plus(BUDGET));
            if (!progress.finished()) {
              dispatch.continueAt(work.connectionId(), work.runId(), progress.continueAt());
            }
          }, () -> connections.startDueRuns(SyncMessages.DUE_RUNS_PER_TICK));
        } catch (NotFoundException gone) {
          // The connection was deleted with its runs: nothing is left to go on with.
        } catch (RuntimeException e) {
          // Redelivered after the visibility timeout; the run's lease and checkpoint make that safe.
          failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
      }
      return new SQSBatchResponse(failures);
    } finally {
      LogFields.clear();
    }
  }
}
