package dev.scimlambda.reconciliation;

import dev.scimlambda.reconciliation.ReconciliationProgressStore.Progress;
import dev.scimlambda.reconciliation.WorkspaceReconciler.Reconciliation;
import dev.scimlambda.workspace.Workspace;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reconciles every workspace, one after the other in id order, as far as one invocation's time
 * allows, and records where it stopped: a deployment too large for one invocation is finished by the
 * next ones. Two invocations running at once (the scheduler delivers at least once) repeat pages,
 * which changes nothing.
 */
public final class ScheduledReconciliation {

  private final Workspaces workspaces;
  private final WorkspaceReconciler reconciler;
  private final ReconciliationProgressStore progress;
  private final Clock clock;

  public ScheduledReconciliation(Workspaces workspaces, WorkspaceReconciler reconciler,
      ReconciliationProgressStore progress, Clock clock) {
    this.workspaces = workspaces;
    this.reconciler = reconciler;
    this.progress = progress;
    this.clock = clock;
  }

  /** Works on the round under way (or a new one) until {@code deadline}. */
  public Round run(Instant deadline) {
    Progress resumed = progress.find().orElse(null);
    Instant roundStartedAt = resumed == null ? clock.instant() : resumed.roundStartedAt();
    List<String> ids = workspaces.list().stream().map(Workspace::id).sorted(Comparator.naturalOrder()).toList();
    List<Reconciliation> runs = new ArrayList<>();
    for (String id : ids) {
      if (resumed != null && id.compareTo(resumed.workspaceId()) < 0) {
        continue;
      }
      if (!runs.isEmpty() && !clock.instant().isBefore(deadline)) {
        progress.save(new Progress(id, null, roundStartedAt));
        return new Round(runs, false);
      }
      ReconciliationCursor from = resumed != null && id.equals(resumed.workspaceId()) && resumed.cursor() != null
          ? ReconciliationCursor.decode(resumed.cursor()) : ReconciliationCursor.start();
      Reconciliation run = reconciler.reconcile(id, from, deadline);
      runs.add(run);
      if (!run.finished()) {
        progress.save(new Progress(id, run.next().encode(), roundStartedAt));
        return new Round(runs, false);
      }
    }
    progress.finish(clock.instant());
    return new Round(runs, true);
  }

  /**
   * What one invocation did.
   *
   * @param runs a run per workspace worked on, in order; only the last may be unfinished
   * @param finished every workspace is done: the next invocation starts a new round
   */
  public record Round(List<Reconciliation> runs, boolean finished) {}
}
