package dev.scimlambda.stream;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.SnapshotPriming;
import dev.scimlambda.runtime.logging.LogFields;
import dev.scimlambda.runtime.metrics.InvocationMetrics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.crac.Context;
import org.crac.Resource;

/**
 * Lambda entry point of the webhook delivery function: the outbox queue's event source mapping
 * feeds it (ReportBatchItemFailures), and each message is one attempt (see {@link WebhookDeliveryQueue}).
 * It is the only function that calls a customer's endpoint.
 */
public class WebhookDeliveryHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> implements Resource {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          WebhookDeliveryHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SECRET_PREFIX, Setting.WEBHOOK_OUTBOX_QUEUE_URL,
              Setting.WEBHOOK_DEAD_LETTER_QUEUE_URL),
          // The webhook, its delivery log and circuit; its signing secrets; hiding a message until
          // its retry and moving one given up on to the dead-letter queue. The event source mapping
          // receives and deletes.
          FunctionManifest.union(TableAccess.IAM_ACTIONS, Set.of("secretsmanager:GetSecretValue",
              "sqs:ChangeMessageVisibility", "sqs:SendMessage")))
      .withSecretActions(SecretNames.WEBHOOKS, Set.of("secretsmanager:GetSecretValue"));

  @Inject WebhookDeliveryQueue queue;
  @Inject InvocationMetrics metrics;

  /** Used by Lambda. */
  public WebhookDeliveryHandler() {
    super();
    SnapshotPriming.register(this);
  }

  /** Used by the tests. */
  public WebhookDeliveryHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    try {
      return queue.consume(event);
    } finally {
      metrics.flush();
      LogFields.clear();
    }
  }

  /** SnapStart: primed with an empty batch (a message would be a delivery), secrets forgotten. */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    SQSEvent empty = new SQSEvent();
    empty.setRecords(List.of());
    SnapshotPriming.withoutMetrics(getApplicationContext(), () -> handleRequest(empty, null));
    SnapshotPriming.forgetSecrets(getApplicationContext());
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to re-resolve: secrets are read again on use.
  }
}
