package dev.scimlambda.tags;

import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.users.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Propagates a group change (rename, nesting) to the tags of everyone below the group, and a
 * connection's mapping change to the profiles and tags of all its users, one chunk per call. Every step re-derives from the stored truth, so running a chunk twice, or
 * a stale chunk after a restart, changes nothing.
 */
public final class GroupTagRefresh {

  /** Deeper than any real directory nests; stops a cycle formed by racing writes from looping forever. */
  static final int MAX_DEPTH = 32;

  private final GroupStore groups;
  private final UserStore users;
  private final AppUserRefresh refresh;
  private final TagRefreshJobStore jobs;
  private final int chunkSize;
  private final Executor executor;
  private final Clock clock;

  public GroupTagRefresh(GroupStore groups, UserStore users, AppUserRefresh refresh, TagRefreshJobStore jobs,
      int chunkSize, Executor executor, Clock clock) {
    this.groups = groups;
    this.users = users;
    this.refresh = refresh;
    this.jobs = jobs;
    this.chunkSize = chunkSize;
    this.executor = executor;
    this.clock = clock;
  }

  public void start(String workspaceId, String connectionId, String groupId) {
    jobs.start(workspaceId, connectionId, groupId, 0, clock.instant());
  }

  /** Refreshes the next chunk of the job's members (or users), then records progress or finishes the job. */
  public void runChunk(TagRefreshJob job) {
    if (job.connectionWide()) {
      UserStore.UserPage page = users.page(job.connectionId(), job.cursor(), chunkSize);
      AppUserRefresh.Session session = refresh.session();
      join(page.users().stream()
          .map(u -> CompletableFuture.runAsync(() -> session.refresh(
              job.workspaceId(), u.appUserIdOrOwn(), job.connectionId(), u.id(), List.of()), executor))
          .toList());
      record(job, page.lastId(), page.users().size());
      return;
    }
    GroupStore.MemberPage page = groups.members(job.connectionId(), job.groupId(), job.cursor(), chunkSize);
    AppUserRefresh.Session session = refresh.session();
    List<CompletableFuture<Void>> refreshes = page.members().stream()
        .filter(m -> Member.USER.equals(m.type()))
        .map(m -> CompletableFuture.runAsync(
            () -> session.refreshScimUser(job.workspaceId(), job.connectionId(), m.value(), List.of()), executor))
        .toList();
    if (job.depth() < MAX_DEPTH) {
      page.members().stream()
          .filter(m -> Member.GROUP.equals(m.type()))
          .forEach(m -> jobs.start(job.workspaceId(), job.connectionId(), m.value(), job.depth() + 1, clock.instant()));
    }
    join(refreshes);
    record(job, page.lastMemberId(), page.members().size());
  }

  private static void join(List<CompletableFuture<Void>> refreshes) {
    CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new)).join();
  }

  /** {@code lastId} null: that was the last chunk. */
  private void record(TagRefreshJob job, String lastId, int done) {
    if (lastId == null) {
      jobs.finish(job);
    } else {
      jobs.advance(job, lastId, job.processed() + done);
    }
  }
}
