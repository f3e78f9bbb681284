package dev.scimlambda.directorysync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table's side of Directory Sync: each connection's state and runs, and what the engine last
 * applied per directory id (which SCIM resource it became, the content hash, the run that last saw
 * it), which makes "skip the unchanged" and "sweep the unseen" one read each.
 */
public interface DirectorySyncStore {

  Optional<ConnectionSyncState> state(String connectionId);

  /**
   * Writes the state; the fields the engine owns (positions, last full pass, active run) are kept
   * as stored, so a settings change never undoes a run's progress.
   */
  void saveSettings(ConnectionSyncState state);

  /** Writes every field: the engine, which owns positions and the active run. */
  void saveState(ConnectionSyncState state);

  /** Connections whose {@code nextRunAt} is not after {@code now}, earliest first. */
  List<String> dueConnections(Instant now, int limit);

  /**
   * Makes {@code runId} the connection's active run, due again at {@code nextRunAt}, when {@code
   * expectedActive} still is (null: none); false when another run claimed it first.
   */
  boolean claimActiveRun(String connectionId, String expectedActive, String runId, Instant nextRunAt);

  Optional<SyncRun> run(String connectionId, String runId);

  /** Writes the run (a checkpoint); fails with {@link LeaseLost} when another invocation leased it since. */
  void saveRun(SyncRun run, String leaseHolder);

  /** Leases the run to {@code holder} until {@code until} unless another holder's lease runs past {@code now}. */
  boolean lease(String connectionId, String runId, String holder, Instant until, Instant now);

  /** Newest first; {@code cursor} from the previous page or null. */
  RunPage runs(String connectionId, String cursor, int limit);

  Map<String, SyncedUser> users(String connectionId, Collection<String> providerIds);

  void putUsers(String connectionId, Collection<SyncedUser> users);

  /** Users the run {@code runId} did not see, after {@code afterProviderId} (null: from the start). */
  SyncedPage<SyncedUser> usersNotSeenIn(String connectionId, String runId, String afterProviderId, int limit);

  Map<String, SyncedGroup> groups(String connectionId, Collection<String> providerIds);

  void putGroups(String connectionId, Collection<SyncedGroup> groups);

  void deleteGroup(String connectionId, String providerId);

  SyncedPage<SyncedGroup> allGroups(String connectionId, String afterProviderId, int limit);

  /** Records that the run saw these members of the group (full passes). */
  void markMembers(String connectionId, String groupProviderId, Collection<SyncedMember> members);

  void forgetMembers(String connectionId, String groupProviderId, Collection<String> userProviderIds);

  List<SyncedMember> members(String connectionId, String groupProviderId);

  /** Removes every item of the connection's Directory Sync (the connection was deleted). */
  void deleteAll(String connectionId);

  /**
   * @param scimId the SCIM User the record became
   * @param lastSeenRun the last run whose pass named this user
   */
  record SyncedUser(String providerId, String scimId, String contentHash, String lastSeenRun, boolean active) {}

  record SyncedGroup(String providerId, String scimId, String nameHash, String lastSeenRun) {}

  record SyncedMember(String userProviderId, String scimUserId, String lastSeenRun) {}

  record SyncedPage<T>(List<T> items, String lastProviderId) {}

  record RunPage(List<SyncRun> runs, String nextCursor) {}

  /** Another invocation took the run over; this one stops without writing. */
  final class LeaseLost extends RuntimeException {
    public LeaseLost(String runId) {
      super("run " + runId + " is leased by another invocation");
    }
  }
}
