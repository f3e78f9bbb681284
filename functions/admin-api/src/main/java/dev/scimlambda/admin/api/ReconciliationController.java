package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.reconciliation.ReconciliationCursor;
import dev.scimlambda.reconciliation.ReconciliationReportJson;
import dev.scimlambda.reconciliation.WorkspaceReconciler;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.Settings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code POST /admin/v1/workspaces/{ws}/reconcile}: repairs the workspace's derived state (tags,
 * access, seats) from its SCIM users and groups now, instead of at the next scheduled run. Runs
 * pages for about {@value #DEFAULT_BUDGET_SECONDS} seconds, inside the function's 29-second timeout;
 * an unfinished reconciliation answers {@code next}, to be sent back as {@code ?cursor=}. No body.
 */
@Controller("/admin/v1/workspaces/{workspaceId}/reconcile")
public final class ReconciliationController {

  static final long DEFAULT_BUDGET_SECONDS = 20;

  private final WorkspaceReconciler reconciler;
  private final Clock clock;
  private final Duration budget;

  public ReconciliationController(WorkspaceReconciler reconciler, Clock clock, Settings settings) {
    this.reconciler = reconciler;
    this.clock = clock;
    this.budget = settings.optional(Setting.RECONCILIATION_TIME_BUDGET).map(Duration::parse)
        .orElse(Duration.ofSeconds(DEFAULT_BUDGET_SECONDS));
  }

  @Post
  public JsonNode reconcile(String workspaceId, @Nullable @QueryValue String cursor) {
    ReconciliationCursor from = cursor == null ? ReconciliationCursor.start() : ReconciliationCursor.decode(cursor);
    WorkspaceReconciler.Reconciliation run = reconciler.reconcile(workspaceId, from, clock.instant().plus(budget));
    ObjectNode answer = ReconciliationReportJson.of(run.report());
    answer.put("workspaceId", workspaceId);
    answer.put("finished", run.finished());
    if (run.finished()) {
      answer.putNull("next");
    } else {
      answer.put("next", run.next().encode());
    }
    return answer;
  }
}
