package dev.scimlambda.appusers;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.tags.TagRefreshJob;
import dev.scimlambda.tags.TagRefreshJobStore;
import dev.scimlambda.workspace.Workspaces;
import java.util.List;

/** What the admin API reads about a workspace's people and tags. */
public final class AppUsers {

  public static final int MAX_PAGE = 200;

  private final Workspaces workspaces;
  private final AppUserStore store;
  private final TagRefreshJobStore jobs;

  public AppUsers(Workspaces workspaces, AppUserStore store, TagRefreshJobStore jobs) {
    this.workspaces = workspaces;
    this.store = store;
    this.jobs = jobs;
  }

  public AppUser get(String workspaceId, String id) {
    workspaces.get(workspaceId);
    return store.find(workspaceId, id).orElseThrow(() -> new NotFoundException("no such user in this workspace"));
  }

  /** A page of the workspace's app users, or of those carrying {@code tag} when it is given. */
  public AppUserStore.AppUserPage list(String workspaceId, String tag, String after, int limit) {
    workspaces.get(workspaceId);
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE);
    }
    return tag == null ? store.page(workspaceId, after, limit) : store.withTag(workspaceId, tag, after, limit);
  }

  /** The workspace's tags with member counts, and the group changes still being propagated to them. */
  public TagOverview tags(String workspaceId) {
    workspaces.get(workspaceId);
    return new TagOverview(store.tags(workspaceId), jobs.running(workspaceId));
  }

  public record TagOverview(List<AppUserStore.TagCount> tags, List<TagRefreshJob> refreshing) {}
}
