package dev.scimlambda.stream;

import dev.scimlambda.tags.AppUserRefresh;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import dev.scimlambda.persistence.ItemChanges.MembershipChanged;
import dev.scimlambda.persistence.ItemChanges.UserChanged;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.tags.GroupTagRefresh;
import dev.scimlambda.runtime.logging.LogFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Keeps app users and their {@code Group:} tags in step with SCIM users and memberships. A user
 * change or a user's membership change refreshes that one app user; a group joining or leaving a
 * group refreshes everyone below it, as a chunked job.
 *
 * <p>A refresh re-derives the app user from the stored truth, so the order of records does not
 * matter: the batch's users are refreshed once each, in parallel. That is what lets a group of
 * thousands provisioned in one request reach its members' tags in minutes, not hours.
 */
public final class AppUserProjection implements Projection {

  private final AppUserRefresh refresh;
  private final GroupTagRefresh groupRefresh;
  private final GroupStore groups;
  private final ConnectionWorkspaces workspaces;
  private final ExecutorService executor;

  public AppUserProjection(
      AppUserRefresh refresh, GroupTagRefresh groupRefresh, GroupStore groups, ConnectionWorkspaces workspaces,
      ExecutorService executor) {
    this.refresh = refresh;
    this.groupRefresh = groupRefresh;
    this.groups = groups;
    this.workspaces = workspaces;
    this.executor = executor;
  }

  /** One record, failing with the refresh's exception: how a failed record is retried alone and redriven. */
  @Override
  public void apply(ChangeRecord change) {
    Map<String, Target> targets = new LinkedHashMap<>();
    collect(change, 0, targets);
    AppUserRefresh.Session session = refresh.session();
    targets.values().forEach(target -> refreshOrThrow(session, target));
  }

  @Override
  public int applyAll(List<ChangeRecord> batch) {
    Map<String, Target> targets = new LinkedHashMap<>();
    int firstFailure = batch.size();
    for (int i = 0; i < batch.size(); i++) {
      try {
        collect(batch.get(i), i, targets);
      } catch (RuntimeException e) {
        Failures.log(getClass(), batch.get(i), e);
        firstFailure = i;
        break;
      }
    }
    AppUserRefresh.Session session = refresh.session();
    List<CompletableFuture<Integer>> refreshes = targets.values().stream()
        .map(target -> CompletableFuture.supplyAsync(LogFields.carried(() -> refresh(session, target, batch)), executor))
        .toList();
    for (CompletableFuture<Integer> done : refreshes) {
      firstFailure = Math.min(firstFailure, done.join());
    }
    return firstFailure;
  }

  /** The batch size when the refresh succeeded, else the index of the first record that asked for it. */
  private int refresh(AppUserRefresh.Session session, Target target, List<ChangeRecord> batch) {
    try {
      refreshOrThrow(session, target);
      return batch.size();
    } catch (RuntimeException e) {
      Failures.log(getClass(), batch.get(target.firstIndex), e);
      return target.firstIndex;
    }
  }

  private void refreshOrThrow(AppUserRefresh.Session session, Target target) {
    List<AppUserRefresh.Observed> observed = new ArrayList<>();
    // The record may be a replay of a change undone since: what counts is the membership now.
    target.groupIds.forEach(groupId -> observed.add(new AppUserRefresh.Observed(
        target.userId, groupId, groups.isMember(target.connectionId, groupId, target.userId))));
    String workspaceId = workspaces.of(target.connectionId);
    if (target.appUserId != null) {
      session.refresh(workspaceId, target.appUserId, target.connectionId, target.userId, observed);
    } else {
      session.refreshScimUser(workspaceId, target.connectionId, target.userId, observed);
    }
  }

  private void collect(ChangeRecord change, int index, Map<String, Target> targets) {
    ItemChange item = change.change();
    if (item instanceof UserChanged user) {
      // The change names the app user even when the SCIM user is gone: the refresh may delete it.
      ScimUser current = user.current();
      target(targets, current.connectionId(), current.id(), index).appUserId = current.appUserIdOrOwn();
    } else if (item instanceof MembershipChanged membership) {
      String connectionId = membership.connectionId();
      Member member = membership.current();
      if (Member.GROUP.equals(member.type())) {
        groupRefresh.start(workspaces.of(connectionId), connectionId, member.value());
      } else {
        target(targets, connectionId, member.value(), index).groupIds.add(membership.groupId());
      }
    }
  }

  private static Target target(Map<String, Target> targets, String connectionId, String userId, int index) {
    return targets.computeIfAbsent(connectionId + "/" + userId, k -> new Target(connectionId, userId, index));
  }

  /** One app user to refresh, the memberships the batch says changed, and where the batch first asked. */
  private static final class Target {
    final String connectionId;
    final String userId;
    final int firstIndex;
    final List<String> groupIds = new ArrayList<>();
    /** Known from a user record; membership records leave it to be read. */
    String appUserId;

    Target(String connectionId, String userId, int firstIndex) {
      this.connectionId = connectionId;
      this.userId = userId;
      this.firstIndex = firstIndex;
    }
  }
}
