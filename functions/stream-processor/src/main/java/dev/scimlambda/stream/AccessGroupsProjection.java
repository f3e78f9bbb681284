package dev.scimlambda.stream;

import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.persistence.ItemChanges.AccessGroupsChanged;
import dev.scimlambda.tags.GroupTagRefresh;

/**
 * Saving a connection's access groups re-evaluates every user of the connection, as a chunked
 * refresh job: each user's access (and seat) is derived again from the groups they are in now.
 * Every save does, even of the same list: it is also how an admin hands seats freed since to users
 * whose access was granted while none was left.
 */
public final class AccessGroupsProjection implements Projection {

  private final GroupTagRefresh refresh;
  private final ConnectionWorkspaces workspaces;

  public AccessGroupsProjection(GroupTagRefresh refresh, ConnectionWorkspaces workspaces) {
    this.refresh = refresh;
    this.workspaces = workspaces;
  }

  @Override
  public void apply(ChangeRecord change) {
    if (change.change() instanceof AccessGroupsChanged saved && saved.after() != null) {
      String connectionId = saved.after().connectionId();
      refresh.startConnection(workspaces.of(connectionId), connectionId);
    }
  }
}
