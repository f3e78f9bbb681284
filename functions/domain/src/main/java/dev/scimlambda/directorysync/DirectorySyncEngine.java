package dev.scimlambda.directorysync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.directorysync.DirectorySyncStore.SyncedGroup;
import dev.scimlambda.directorysync.DirectorySyncStore.SyncedMember;
import dev.scimlambda.directorysync.DirectorySyncStore.SyncedPage;
import dev.scimlambda.directorysync.DirectorySyncStore.SyncedUser;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.random.SecureRandomIds;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.scim.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one sync engine of every pull provider. A run reads users, then groups, page by page, applies
 * each page through the SCIM Users and Groups services of the connection (so a pulled person gets
 * the mapping, seats, dedup, tags, access and events of a pushed one; each write is in the
 * connection's activity log through {@link SyncActivity}), and saves its checkpoint
 * after each page. A full pass then sweeps: people it did not see are deactivated, groups it did
 * not see are deleted, memberships it did not see are removed.
 *
 * <p>Each call of {@link #work} goes on until its deadline and says when to be called again;
 * the caller (the sync function through its queue, the embedded stack's scheduler thread) does so.
 */
public final class DirectorySyncEngine {

  /** A page is read and applied in well under this; no page starts when less is left. */
  static final Duration PAGE_MARGIN = Duration.ofSeconds(20);
  /** A lease outlives its invocation by this much, so a dead invocation's run is taken over soon after. */
  static final Duration LEASE_SLACK = Duration.ofSeconds(30);
  private static final int SWEEP_PAGE = 200;
  /** Below ResourceLimits.MAX_VALUES (1,000 values per multi-valued attribute in one request). */
  private static final int MEMBER_CHUNK = 500;
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

  private final DirectorySyncStore store;
  private final DirectoryCredentialsStore credentials;
  private final DirectoryProviders providers;
  private final Users users;
  private final UserStore userStore;
  private final Groups groups;
  private final GroupStore groupStore;
  private final Clock clock;
  private final Duration fullPassEvery;
  private final SyncActivity activity;

  public DirectorySyncEngine(DirectorySyncStore store, DirectoryCredentialsStore credentials,
      DirectoryProviders providers, Users users, UserStore userStore, Groups groups, GroupStore groupStore, Clock clock,
      Duration fullPassEvery, SyncActivity activity) {
    this.store = store;
    this.credentials = credentials;
    this.providers = providers;
    this.users = users;
    this.userStore = userStore;
    this.groups = groups;
    this.groupStore = groupStore;
    this.clock = clock;
    this.fullPassEvery = fullPassEvery;
    this.activity = activity;
  }

  /** What a {@link #work} call left: the run, and when to call again (null once the run ended). */
  public record Progress(SyncRun run, Instant continueAt) {
    public boolean finished() {
      return continueAt == null;
    }
  }

  /**
   * Starts a run of the connection, or answers the one already running (a schedule tick or a
   * second Sync now never starts a second run).
   */
  public SyncRun start(String connectionId, SyncRun.Trigger trigger, boolean fullRequested) {
    for (int attempt = 0; attempt < 3; attempt++) {
      ConnectionSyncState state = state(connectionId);
      if (state.activeRunId() != null) {
        Optional<SyncRun> active = store.run(connectionId, state.activeRunId()).filter(SyncRun::running);
        if (active.isPresent()) {
          return active.get();
        }
      }
      Instant now = clock.instant();
      String runId = RUN_TIME.format(now) + "-" + SecureRandomIds.lowercase(6);
      SyncRun run = SyncRun.start(connectionId, runId, state.workspaceId(),
          state.nextKind(fullRequested, fullPassEvery, now), trigger, now);
      store.saveRun(run, null);
      if (store.claimActiveRun(connectionId, state.activeRunId(), runId, now.plus(state.interval()))) {
        return run;
      }
      store.saveRun(run.finished(SyncRun.Status.FAILED, "another run started at the same time", now), null);
    }
    throw new ConflictException("another run of connection " + connectionId + " is starting");
  }

  /**
   * Works on the run until {@code deadline}: reads, applies and checkpoints page after page.
   * Returns at once when the run is paused by a rate limit or leased by another invocation.
   */
  public Progress work(String connectionId, String runId, Instant deadline) {
    SyncRun run = store.run(connectionId, runId).orElseThrow(() -> new NotFoundException("run " + runId + " not found"));
    if (!run.running()) {
      return new Progress(run, null);
    }
    Instant now = clock.instant();
    if (run.pausedUntil() != null && run.pausedUntil().isAfter(now)) {
      return new Progress(run, run.pausedUntil());
    }
    String holder = SecureRandomIds.lowercase(12);
    if (!store.lease(connectionId, runId, holder, deadline.plus(LEASE_SLACK), now)) {
      return new Progress(run, deadline.plus(LEASE_SLACK));
    }
    ConnectionSyncState state = state(connectionId);
    DirectoryProvider provider;
    try {
      provider = providers.open(credentials.get(connectionId));
    } catch (NotFoundException | InvalidInputException | IllegalStateException e) {
      return finish(state, run.finished(SyncRun.Status.FAILED, "the connection's credentials are unusable", now),
          holder);
    }
    try {
      while (run.phase() != SyncRun.Phase.DONE) {
        if (clock.instant().plus(PAGE_MARGIN).isAfter(deadline)) {
          return new Progress(run, clock.instant());
        }
        run = step(state, provider, run);
        if (run.phase() == SyncRun.Phase.DONE) {
          return finish(state, run.finished(SyncRun.Status.SUCCEEDED, null, clock.instant()), holder);
        }
        store.saveRun(run, holder);
      }
      return new Progress(run, null);
    } catch (DirectoryProviderException.RateLimited e) {
      Instant until = clock.instant().plus(e.retryAfter());
      store.saveRun(run.pausedUntil(until), holder);
      return new Progress(run.pausedUntil(until), until);
    } catch (DirectoryProviderException.ProviderError e) {
      if (e.positionExpired() && run.kind() == SyncKind.INCREMENTAL) {
        SyncRun restarted = run.restartedAsFull();
        store.saveRun(restarted, holder);
        return new Progress(restarted, clock.instant());
      }
      return finish(state, run.finished(SyncRun.Status.FAILED, e.providerMessage(), clock.instant()), holder);
    } catch (DirectoryProviderException e) {
      return finish(state, run.finished(SyncRun.Status.FAILED, e.providerMessage(), clock.instant()), holder);
    }
  }

  private Progress finish(ConnectionSyncState state, SyncRun ended, String holder) {
    store.saveRun(ended, holder);
    ConnectionSyncState current = state(state.connectionId());
    if (ended.id().equals(current.activeRunId())) {
      store.saveState(current.afterPass(ended, clock.instant()));
    }
    return new Progress(ended, null);
  }

  private SyncRun step(ConnectionSyncState state, DirectoryProvider provider, SyncRun run) {
    return switch (run.phase()) {
      case USERS -> {
        DirectoryPage<DirectoryUser> page = provider.readUsers(read(run, state.usersPosition(), state));
        Applied applied = applyUsers(run, page);
        yield page.last()
            ? run.at(null, applied.counts, applied.error).nextPhase(SyncRun.Phase.GROUPS, page.resumeFrom(), null)
            : run.at(page.next(), applied.counts, applied.error);
      }
      case GROUPS -> {
        DirectoryPage<DirectoryGroup> page = provider.readGroups(read(run, state.groupsPosition(), state));
        Applied applied = applyGroups(run, page, state.selection());
        SyncRun.Phase after = run.kind() == SyncKind.FULL ? SyncRun.Phase.SWEEP : SyncRun.Phase.DONE;
        yield page.last()
            ? run.at(null, applied.counts, applied.error).nextPhase(after, run.usersResumeFrom(), page.resumeFrom())
            : run.at(page.next(), applied.counts, applied.error);
      }
      case SWEEP -> sweep(run);
      case DONE -> run;
    };
  }

  private static DirectoryRead read(SyncRun run, String resumeFrom, ConnectionSyncState state) {
    String position = run.position();
    if (position == null && run.kind() == SyncKind.INCREMENTAL) {
      position = resumeFrom;
    }
    return new DirectoryRead(run.kind(), position, state.selection());
  }

  private record Applied(SyncRun.Counts counts, String error) {}

  private Applied applyUsers(SyncRun run, DirectoryPage<DirectoryUser> page) {
    String connectionId = run.connectionId();
    Map<String, SyncedUser> known = store.users(connectionId, page.entries().stream().map(DirectoryEntry::providerId)
        .toList());
    Map<String, SyncedUser> writes = new HashMap<>();
    long added = 0;
    long updated = 0;
    long deactivated = 0;
    long failed = 0;
    String error = null;
    for (DirectoryEntry<DirectoryUser> entry : page.entries()) {
      SyncedUser synced = writes.getOrDefault(entry.providerId(), known.get(entry.providerId()));
      try {
        if (entry instanceof DirectoryEntry.Present<DirectoryUser> present) {
          DirectoryUser user = present.record();
          String hash = user.contentHash();
          if (synced != null && synced.scimId() != null && hash.equals(synced.contentHash())) {
            if (!run.id().equals(synced.lastSeenRun())) {
              writes.put(user.providerId(), new SyncedUser(user.providerId(), synced.scimId(), hash, run.id(),
                  synced.active()));
            }
            continue;
          }
          String scimId = synced == null || synced.scimId() == null
              ? createUser(run, user) : replaceUser(run, synced.scimId(), user);
          if (synced == null || synced.scimId() == null) {
            added++;
          } else {
            updated++;
          }
          writes.put(user.providerId(), new SyncedUser(user.providerId(), scimId, hash, run.id(), user.active()));
        } else if (synced != null && synced.scimId() != null && synced.active()) {
          deactivate(run, synced.scimId());
          deactivated++;
          writes.put(synced.providerId(), new SyncedUser(synced.providerId(), synced.scimId(), null,
              synced.lastSeenRun(), false));
        }
      } catch (Problem e) {
        if (e.transientFailure()) {
          throw e; // contention: the page is applied again, not counted as failed
        }
        failed++;
        error = "user " + entry.providerId() + ": " + e.getMessage();
      }
    }
    store.putUsers(connectionId, writes.values());
    return new Applied(new SyncRun.Counts(added, updated, deactivated, failed), error);
  }

  /**
   * Creates the SCIM user; when an earlier application of this page created it and died before
   * recording it, the user with this externalId is adopted instead (that is what keeps a resumed
   * run from duplicating anyone).
   */
  private String createUser(SyncRun run, DirectoryUser user) {
    String connectionId = run.connectionId();
    try {
      return userWrite(run, "POST", "/Users", () -> users.create(connectionId, ScimResources.user(user))).id();
    } catch (ConflictException e) {
      String existing = userStore.findId(connectionId, UserStore.LookupKey.EXTERNAL_ID, user.providerId())
          .orElseThrow(() -> e);
      return replaceUser(run, existing, user);
    }
  }

  private String replaceUser(SyncRun run, String scimId, DirectoryUser user) {
    try {
      return userWrite(run, "PUT", "/Users/" + scimId,
          () -> users.replace(run.connectionId(), scimId, ScimResources.user(user), null)).id();
    } catch (NotFoundException e) {
      return createUser(run, user);
    }
  }

  private void deactivate(SyncRun run, String scimId) {
    try {
      userWrite(run, "PATCH", "/Users/" + scimId,
          () -> users.patch(run.connectionId(), scimId, ScimResources.deactivation(), null));
    } catch (NotFoundException gone) {
      // Already gone: nothing left to do.
    }
  }

  private Applied applyGroups(SyncRun run, DirectoryPage<DirectoryGroup> page, GroupSelection selection) {
    String connectionId = run.connectionId();
    Map<String, SyncedGroup> known = store.groups(connectionId, page.entries().stream()
        .map(DirectoryEntry::providerId).toList());
    Set<String> memberIds = new HashSet<>();
    for (DirectoryEntry<DirectoryGroup> entry : page.entries()) {
      if (entry instanceof DirectoryEntry.Present<DirectoryGroup> present) {
        memberIds.addAll(present.record().memberIds());
        memberIds.addAll(present.record().removedMemberIds());
      }
    }
    Map<String, SyncedUser> members = store.users(connectionId, memberIds);
    Map<String, SyncedGroup> writes = new HashMap<>();
    long failed = 0;
    String error = null;
    for (DirectoryEntry<DirectoryGroup> entry : page.entries()) {
      if (!selection.includes(entry.providerId())) {
        continue;
      }
      SyncedGroup synced = writes.getOrDefault(entry.providerId(), known.get(entry.providerId()));
      try {
        if (entry instanceof DirectoryEntry.Present<DirectoryGroup> present) {
          DirectoryGroup group = present.record();
          SyncedGroup applied = applyGroup(run, synced, group, members);
          if (applied != null) {
            writes.put(group.providerId(), applied);
          }
        } else if (synced != null) {
          deleteGroup(run, synced.scimId());
          store.deleteGroup(connectionId, synced.providerId());
          writes.remove(synced.providerId());
        }
      } catch (Problem e) {
        if (e.transientFailure()) {
          throw e; // contention: the page is applied again, not counted as failed
        }
        failed++;
        error = "group " + entry.providerId() + ": " + e.getMessage();
      }
    }
    store.putGroups(connectionId, writes.values());
    return new Applied(new SyncRun.Counts(0, 0, 0, failed), error);
  }

  private SyncedGroup applyGroup(SyncRun run, SyncedGroup synced, DirectoryGroup group, Map<String, SyncedUser> users) {
    String connectionId = run.connectionId();
    String scimId = synced == null ? null : synced.scimId();
    String nameHash = synced == null ? null : synced.nameHash();
    if (scimId == null) {
      if (group.displayName() == null) {
        return null; // a member change of a group we never saw named: the next full pass brings it
      }
      scimId = createGroup(run, group);
      nameHash = group.nameHash();
    } else if (group.displayName() != null && !group.nameHash().equals(nameHash)) {
      patchGroup(run, scimId, ScimResources.rename(group.displayName()));
      nameHash = group.nameHash();
    }
    List<SyncedMember> seen = new ArrayList<>();
    Set<String> adds = new LinkedHashSet<>();
    for (String memberId : group.memberIds()) {
      SyncedUser user = users.get(memberId);
      if (user != null && user.scimId() != null) {
        adds.add(user.scimId());
        seen.add(new SyncedMember(memberId, user.scimId(), run.id()));
      }
    }
    Set<String> removes = new LinkedHashSet<>();
    for (String memberId : group.removedMemberIds()) {
      SyncedUser user = users.get(memberId);
      if (user != null && user.scimId() != null && !adds.contains(user.scimId())) {
        removes.add(user.scimId());
      }
    }
    for (List<String> chunk : chunks(adds)) {
      patchGroup(run, scimId, ScimResources.addMembers(chunk));
    }
    for (List<String> chunk : chunks(removes)) {
      patchGroup(run, scimId, ScimResources.removeMembers(chunk));
    }
    if (run.kind() == SyncKind.FULL) {
      store.markMembers(connectionId, group.providerId(), seen);
    }
    if (!group.removedMemberIds().isEmpty()) {
      store.forgetMembers(connectionId, group.providerId(), group.removedMemberIds());
    }
    return new SyncedGroup(group.providerId(), scimId, nameHash, run.id());
  }

  private String createGroup(SyncRun run, DirectoryGroup group) {
    String connectionId = run.connectionId();
    try {
      return activity.write(run, "POST", "/Groups",
          () -> groups.create(connectionId, ScimResources.group(group.providerId(), group.displayName())),
          created -> new SyncActivity.Written(created.group().id(), created.group().version())).group().id();
    } catch (ConflictException e) {
      // Created by an application of this page that died before recording it, or a name taken
      // by another group of the connection: only the former is adopted.
      return groupStore.findId(connectionId, GroupStore.LookupKey.EXTERNAL_ID,
          group.providerId()).orElseThrow(() -> e);
    }
  }

  private void deleteGroup(SyncRun run, String scimId) {
    try {
      activity.write(run, "DELETE", "/Groups/" + scimId, () -> {
        groups.delete(run.connectionId(), scimId, null);
        return null;
      }, nothing -> null);
    } catch (NotFoundException gone) {
      // Already gone: nothing left to do.
    }
  }

  /**
   * The end of a full pass, resumable like the reading phases: position {@code U:<id>} walks the
   * users the pass did not see, then {@code G:<id>} the groups.
   */
  private SyncRun sweep(SyncRun run) {
    String connectionId = run.connectionId();
    String position = run.position() == null ? "U:" : run.position();
    if (position.startsWith("U:")) {
      String after = position.length() == 2 ? null : position.substring(2);
      SyncedPage<SyncedUser> unseen = store.usersNotSeenIn(connectionId, run.id(), after, SWEEP_PAGE);
      List<SyncedUser> writes = new ArrayList<>();
      long deactivated = 0;
      long failed = 0;
      String error = null;
      for (SyncedUser user : unseen.items()) {
        if (!user.active() || user.scimId() == null) {
          continue;
        }
        try {
          deactivate(run, user.scimId());
          deactivated++;
          writes.add(new SyncedUser(user.providerId(), user.scimId(), null, user.lastSeenRun(), false));
        } catch (Problem e) {
          if (e.transientFailure()) {
            throw e; // contention: the page is applied again, not counted as failed
          }
          failed++;
          error = "user " + user.providerId() + ": " + e.getMessage();
        }
      }
      store.putUsers(connectionId, writes);
      String next = unseen.lastProviderId() == null ? "G:" : "U:" + unseen.lastProviderId();
      return run.at(next, new SyncRun.Counts(0, 0, deactivated, failed), error);
    }
    String after = position.length() == 2 ? null : position.substring(2);
    SyncedPage<SyncedGroup> page = store.allGroups(connectionId, after, SWEEP_PAGE);
    long failed = 0;
    String error = null;
    for (SyncedGroup group : page.items()) {
      try {
        if (!run.id().equals(group.lastSeenRun())) {
          deleteGroup(run, group.scimId());
          store.deleteGroup(connectionId, group.providerId());
          continue;
        }
        sweepMembers(run, group);
      } catch (Problem e) {
        if (e.transientFailure()) {
          throw e; // contention: the page is applied again, not counted as failed
        }
        failed++;
        error = "group " + group.providerId() + ": " + e.getMessage();
      }
    }
    SyncRun swept = run.at(page.lastProviderId() == null ? null : "G:" + page.lastProviderId(),
        new SyncRun.Counts(0, 0, 0, failed), error);
    return page.lastProviderId() == null ? swept.nextPhase(SyncRun.Phase.DONE, run.usersResumeFrom(),
        run.groupsResumeFrom()) : swept;
  }

  /** Members the pass did not name are removed from the SCIM group, and forgotten. */
  private void sweepMembers(SyncRun run, SyncedGroup group) {
    String connectionId = run.connectionId();
    String runId = run.id();
    Set<String> seen = new HashSet<>();
    List<String> stale = new ArrayList<>();
    for (SyncedMember member : store.members(connectionId, group.providerId())) {
      if (runId.equals(member.lastSeenRun())) {
        seen.add(member.scimUserId());
      } else {
        stale.add(member.userProviderId());
      }
    }
    List<String> removes = new ArrayList<>();
    for (Member member : groups.members(connectionId, group.scimId())) {
      if (!seen.contains(member.value())) {
        removes.add(member.value());
      }
    }
    for (List<String> chunk : chunks(removes)) {
      patchGroup(run, group.scimId(), ScimResources.removeMembers(chunk));
    }
    if (!stale.isEmpty()) {
      store.forgetMembers(connectionId, group.providerId(), stale);
    }
  }

  /** A write of a person, recorded in the activity log with the version it produced. */
  private ScimUser userWrite(SyncRun run, String method, String path, Supplier<ScimUser> write) {
    return activity.write(run, method, path, write, user -> new SyncActivity.Written(user.id(), user.version()));
  }

  private void patchGroup(SyncRun run, String scimId, JsonNode patch) {
    activity.write(run, "PATCH", "/Groups/" + scimId, () -> groups.patch(run.connectionId(), scimId, patch, null),
        patched -> new SyncActivity.Written(patched.id(), patched.version()));
  }

  private ConnectionSyncState state(String connectionId) {
    return store.state(connectionId)
        .orElseThrow(() -> new NotFoundException("connection " + connectionId + " is not a Directory Sync connection"));
  }

  private static List<List<String>> chunks(java.util.Collection<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += MEMBER_CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + MEMBER_CHUNK)));
    }
    return chunks;
  }
}
