package dev.scimlambda.tags;

import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.users.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Propagates a group change (rename, nesting) to the tags of everyone below the group, one chunk
 * of members per call; a connection change (its access groups, its attribute mapping or target
 * groups) likewise to every user of the connection. Every step re-derives from the stored truth, so running a chunk twice, or a stale
 * chunk after a restart, changes nothing.
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

  /** Re-derives every app user of the connection's users. */
  public void startConnection(String workspaceId, String connectionId) {
    jobs.start(workspaceId, connectionId, null, 0, clock.instant());
  }

  /** Refreshes the next chunk of the job's members, then records progress or finishes the job. */
  public void runChunk(TagRefreshJob job) {
    if (job.connectionWide()) {
      runConnectionChunk(job);
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
    record(job, refreshes, page.lastMemberId(), page.members().size());
  }

  private void runConnectionChunk(TagRefreshJob job) {
    UserStore.UserPage page = users.page(job.connectionId(), job.cursor(), chunkSize);
    AppUserRefresh.Session session = refresh.session();
    List<CompletableFuture<Void>> refreshes = page.users().stream()
        .map(user -> CompletableFuture.runAsync(() -> session.refresh(
            job.workspaceId(), user.appUserIdOrOwn(), job.connectionId(), user.id(), List.of()), executor))
        .toList();
    record(job, refreshes, page.lastId(), page.users().size());
  }

  /** Waits for the chunk's refreshes, then records progress, or finishes the job after its last chunk. */
  private void record(TagRefreshJob job, List<CompletableFuture<Void>> refreshes, String last, int done) {
    CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new)).join();
    if (last == null) {
      jobs.finish(job);
    } else {
      jobs.advance(job, last, job.processed() + done);
    }
  }
}
