package dev.scimlambda.stream;

import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.persistence.ItemChanges.GroupChanged;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import dev.scimlambda.persistence.ItemChanges.TagRefreshJobChanged;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.tags.GroupTagRefresh;
import java.util.Objects;

/**
 * Renames reach members' tags through a tag refresh job: a group's displayName change starts (or
 * restarts) the job, and every write of the job item runs its next chunk.
 */
public final class GroupTagProjection implements Projection {

  private final GroupTagRefresh groupRefresh;
  private final ConnectionWorkspaces workspaces;

  public GroupTagProjection(GroupTagRefresh groupRefresh, ConnectionWorkspaces workspaces) {
    this.groupRefresh = groupRefresh;
    this.workspaces = workspaces;
  }

  @Override
  public void apply(ChangeRecord change) {
    ItemChange item = change.change();
    if (item instanceof GroupChanged group && group.before() != null && group.after() != null) {
      ScimGroup after = group.after();
      if (!Objects.equals(group.before().displayName(), after.displayName())) {
        groupRefresh.start(workspaces.of(after.connectionId()), after.connectionId(), after.id());
      }
    } else if (item instanceof TagRefreshJobChanged job && job.after() != null) {
      groupRefresh.runChunk(job.after());
    }
  }
}
