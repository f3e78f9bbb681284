package dev.scimlambda.stream;

import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoTagRefreshJobStore;
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
    switch (change.entity()) {
      case DynamoGroupStore.ENTITY -> {
        if (!change.oldImage().isEmpty() && !change.newImage().isEmpty()) {
          ScimGroup before = DynamoGroupStore.fromItem(change.oldImage());
          ScimGroup after = DynamoGroupStore.fromItem(change.newImage());
          if (!Objects.equals(before.displayName(), after.displayName())) {
            groupRefresh.start(workspaces.of(after.connectionId()), after.connectionId(), after.id());
          }
        }
      }
      case DynamoTagRefreshJobStore.ENTITY -> {
        if (!change.newImage().isEmpty()) {
          groupRefresh.runChunk(DynamoTagRefreshJobStore.fromItem(change.newImage()));
        }
      }
      default -> { }
    }
  }
}
