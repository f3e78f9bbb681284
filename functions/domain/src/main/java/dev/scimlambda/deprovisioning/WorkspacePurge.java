package dev.scimlambda.deprovisioning;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.events.WebhookStore;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Purges a workspace: every item and secret it owns. The first step marks every connection deleted,
 * so its tokens are refused before a single item goes; then the secrets (connections' and the
 * webhook's) are deleted, then the items page by page until the call's time budget is spent. Each
 * call starts over from what is left, so it is resumable and safe to repeat; the workspace item
 * goes last, which is when the workspace answers 404.
 */
public final class WorkspacePurge {

  private final Workspaces workspaces;
  private final ConnectionStore connections;
  private final SecretStore secrets;
  private final SecretNames names;
  private final WebhookStore webhooks;
  private final WorkspacePurgeStore store;
  private final Clock clock;
  private final Duration budget;
  private final int pageSize;

  public WorkspacePurge(Workspaces workspaces, ConnectionStore connections, SecretStore secrets, SecretNames names,
      WebhookStore webhooks, WorkspacePurgeStore store, Clock clock, Duration budget, int pageSize) {
    this.workspaces = workspaces;
    this.connections = connections;
    this.secrets = secrets;
    this.names = names;
    this.webhooks = webhooks;
    this.store = store;
    this.clock = clock;
    this.budget = budget;
    this.pageSize = pageSize;
  }

  /** @throws dev.scimlambda.problem.NotFoundException when the workspace does not exist (or is purged) */
  public Progress purge(String workspaceId) {
    workspaces.get(workspaceId);
    Instant now = clock.instant();
    Instant deadline = now.plus(budget);
    List<Connection> owned = connections.listByWorkspace(workspaceId);
    owned.stream().filter(c -> !c.isDeleted()).forEach(c -> connections.markDeleted(c.id(), now));
    owned.forEach(c -> secrets.delete(names.connection(c.id())));
    webhooks.find(workspaceId).ifPresent(webhook -> secrets.delete(names.webhook(workspaceId, webhook.id())));
    List<String> ids = owned.stream().map(Connection::id).toList();
    long deleted = 0;
    do {
      WorkspacePurgeStore.PurgePage page = store.purgePage(workspaceId, ids, pageSize);
      deleted += page.deleted();
      if (page.finished()) {
        return new Progress(deleted, true);
      }
    } while (clock.instant().isBefore(deadline));
    return new Progress(deleted, false);
  }

  /**
   * @param itemsDeleted items deleted by this call
   * @param finished false when the time budget ran out first: call again to go on
   */
  public record Progress(long itemsDeleted, boolean finished) {}
}
