package dev.scimlambda.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.reconciliation.ReconciliationReportJson;
import dev.scimlambda.reconciliation.ScheduledReconciliation;
import dev.scimlambda.reconciliation.WorkspaceReconciler.Reconciliation;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the scheduled reconciliation (EventBridge Scheduler, daily): repairs every
 * workspace's derived state from its source items, as far as the invocation's time allows, and logs
 * one line per workspace with what it changed. Where it stopped is kept in the table, so the next
 * invocation resumes there. The event's content is not used.
 */
public class ReconcileHandler extends MicronautRequestHandler<Map<String, Object>, String> {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          ReconcileHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SEAT_RECONCILIATION_INTERVAL, Setting.RECONCILIATION_PAGE_SIZE,
              Setting.RECONCILIATION_TIME_BUDGET),
          // The stores only: no secret, no event, no other function.
          TableAccess.IAM_ACTIONS);

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileHandler.class);
  /**
   * How long one invocation starts pages: 12 of the function's 15 minutes (template.yaml), leaving
   * the page under way and the seat count of a large workspace time to finish.
   */
  static final Duration DEFAULT_BUDGET = Duration.ofMinutes(12);

  @Inject ScheduledReconciliation reconciliation;
  @Inject Settings settings;
  @Inject Clock clock;

  /** Used by Lambda. */
  public ReconcileHandler() {
    super();
  }

  /** Used by the tests. */
  public ReconcileHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public String execute(Map<String, Object> event) {
    ScheduledReconciliation.Round round = reconciliation.run(clock.instant().plus(budget()));
    for (Reconciliation run : round.runs()) {
      // One line per workspace, what it is about first.
      ObjectNode line = ScimJson.MAPPER.createObjectNode()
          .put("event", "reconciliation")
          .put("workspaceId", run.workspaceId())
          .put("finished", run.finished());
      line.setAll(ReconciliationReportJson.of(run.report()));
      if (!run.report().unchanged()) {
        LOG.warn("{}", line);
      } else {
        LOG.info("{}", line);
      }
    }
    return (round.finished() ? "round finished" : "round continues at the next invocation") + ": "
        + round.runs().size() + " workspaces worked on";
  }

  private Duration budget() {
    return settings.optional(Setting.RECONCILIATION_TIME_BUDGET).map(Duration::parse).orElse(DEFAULT_BUDGET);
  }
}
