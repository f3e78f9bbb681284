package dev.scimlambda.tags;

import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.workspace.Workspaces;
import java.util.List;

/** A workspace's tags with their member counts, and the group changes still propagating to them. */
public final class TagOverview {

  private final Workspaces workspaces;
  private final AppUserStore appUsers;
  private final TagRefreshJobStore jobs;

  public TagOverview(Workspaces workspaces, AppUserStore appUsers, TagRefreshJobStore jobs) {
    this.workspaces = workspaces;
    this.appUsers = appUsers;
    this.jobs = jobs;
  }

  public Snapshot of(String workspaceId) {
    workspaces.get(workspaceId);
    return new Snapshot(appUsers.tags(workspaceId), jobs.running(workspaceId));
  }

  public record Snapshot(List<AppUserStore.TagCount> tags, List<TagRefreshJob> refreshing) {}
}
