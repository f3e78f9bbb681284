package dev.scimlambda.scim.groups;

import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of a connection's SCIM groups and their memberships. The group item never holds its
 * members: each (group, member) pair is an item of its own, so adding or removing N members costs
 * O(N) writes and concurrent member changes never conflict on the group item.
 */
public interface GroupStore {

  /** Throws {@link UniquenessViolation} when the displayName or externalId is taken in the connection. */
  void create(ScimGroup group);

  /**
   * The group as its last completed write left it: a change that was cut short (a crash between its
   * writes) is completed first, so nobody sees a part of one.
   */
  Optional<ScimGroup> find(String connectionId, String id);

  /** {@link #find} of many groups in batched reads; ids of no group are absent from the map. */
  Map<String, ScimGroup> findAll(String connectionId, Collection<String> ids);

  /**
   * Writes the change all or nothing and returns the group as written. Throws
   * {@link UniquenessViolation} or {@link VersionMismatch} having written nothing. A change too large
   * for one transaction is staged: once its first transaction is in, it is complete as soon as anyone
   * reads the group, whether or not this call returns.
   */
  ScimGroup apply(GroupChange change);

  /**
   * The group if it was created by a staged create whose request never answered (it crashed after
   * the group became visible), completed; else empty. Lets the client's retry get its group, not 409.
   */
  Optional<ScimGroup> unansweredCreate(String connectionId, String id);

  /** Marks an unanswered create answered; false when another retry did so first. */
  boolean answerCreate(String connectionId, String id);

  /**
   * Replaces {@code previous} with {@code updated}. Throws {@link VersionMismatch} when the stored
   * group is no longer {@code previous}, {@link UniquenessViolation} when a new displayName or
   * externalId is taken.
   */
  void replace(ScimGroup previous, ScimGroup updated);

  /**
   * Records that the group's members changed: bumps its version, adds {@code memberDelta} to its
   * member count, sets lastModified. With {@code expectedVersion} the group must still have it
   * ({@link VersionMismatch} otherwise); without, only exist. Returns the group as written, empty
   * when it is gone.
   */
  Optional<ScimGroup> touch(String connectionId, String id, Long expectedVersion, java.time.Instant now, long memberDelta);

  /** Deletes the group if it is still {@code current} ({@link VersionMismatch} otherwise), then all its memberships. */
  void delete(ScimGroup current);

  /**
   * Puts the membership items (idempotent: an unchanged membership is not rewritten). Costs O(members
   * given), never O(group size). Returns how many of them were not members before.
   */
  int putMembers(String connectionId, String groupId, Collection<Member> members);

  /** Deletes the membership items of these member ids (absent ones are ignored); returns how many there were. */
  int removeMembers(String connectionId, String groupId, Collection<String> memberIds);

  /** The group's members in member-id order, after {@code afterMemberId} (exclusive; null = start). */
  MemberPage members(String connectionId, String groupId, String afterMemberId, int limit);

  /** How many membership items the group has, counted (O(group size) reads: for checks, not for writes). */
  long countMembers(String connectionId, String groupId);

  /** Whether {@code memberId} is a direct member of the group, read strongly (not from the membership index). */
  boolean isMember(String connectionId, String groupId, String memberId);

  /** The ids of the groups {@code memberId} is a direct member of. */
  List<String> groupIdsOf(String connectionId, String memberId);

  /** Deletes every membership of {@code memberId}, in whichever groups. Returns the ids of those groups. */
  List<String> removeFromAllGroups(String connectionId, String memberId);

  /**
   * Which of {@code ids} are users or groups of the connection, with their type and display name
   * (a user's displayName, else its userName; a group's displayName). Ids of nothing are absent.
   */
  Map<String, Member> resolve(String connectionId, Collection<String> ids);

  /** The group holding a unique indexed value, if any. */
  Optional<String> findId(String connectionId, LookupKey key, String normalisedValue);

  /** One page of the connection's groups in id order, starting after {@code afterId} (exclusive; null = start). */
  GroupPage page(String connectionId, String afterId, int limit);

  long count(String connectionId);

  enum LookupKey {
    DISPLAY_NAME,
    EXTERNAL_ID
  }

  record GroupPage(List<ScimGroup> groups, String lastId) {}

  record MemberPage(List<Member> members, String lastMemberId) {}
}
