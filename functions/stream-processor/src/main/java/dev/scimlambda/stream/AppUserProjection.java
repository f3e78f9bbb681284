package dev.scimlambda.stream;

import dev.scimlambda.appusers.AppUserRefresh;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.tags.GroupTagRefresh;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps app users and their {@code Group:} tags in step with SCIM users and memberships. A user
 * change or a user's membership change refreshes that one app user; a group joining or leaving a
 * group refreshes everyone below it, as a chunked job.
 */
public final class AppUserProjection implements Projection {

  private final AppUserRefresh refresh;
  private final GroupTagRefresh groupRefresh;
  private final GroupStore groups;
  private final ConnectionWorkspaces workspaces;

  public AppUserProjection(
      AppUserRefresh refresh, GroupTagRefresh groupRefresh, GroupStore groups, ConnectionWorkspaces workspaces) {
    this.refresh = refresh;
    this.groupRefresh = groupRefresh;
    this.groups = groups;
    this.workspaces = workspaces;
  }

  @Override
  public void apply(ChangeRecord change) {
    Map<String, AttributeValue> image = change.newImage().isEmpty() ? change.oldImage() : change.newImage();
    switch (change.entity()) {
      case DynamoUserStore.ENTITY -> {
        String connectionId = image.get("connectionId").s();
        refresh.session().refresh(workspaces.of(connectionId), connectionId, image.get("id").s(), Optional.empty());
      }
      case DynamoGroupStore.MEMBER_ENTITY -> membershipChanged(image);
      default -> { }
    }
  }

  private void membershipChanged(Map<String, AttributeValue> image) {
    String connectionId = image.get("connectionId").s();
    String groupId = image.get("groupId").s();
    String memberId = image.get("memberId").s();
    String workspaceId = workspaces.of(connectionId);
    if (Member.GROUP.equals(image.get("type").s())) {
      groupRefresh.start(workspaceId, connectionId, memberId);
      return;
    }
    // The record may be a replay of a change undone since: what counts is the membership now.
    boolean member = groups.isMember(connectionId, groupId, memberId);
    refresh.session().refresh(workspaceId, connectionId, memberId,
        Optional.of(new AppUserRefresh.Observed(groupId, member)));
  }
}
