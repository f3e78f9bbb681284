package dev.scimlambda.scim.groups;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups nested in groups: which groups a user or group belongs to directly or through nesting,
 * and the check that keeps a new group membership from closing a cycle. Reads only: one
 * {@link GroupStore#groupIdsOf} query per member and per group of its ancestry, nearest first.
 */
public final class GroupNesting {

  /**
   * At most this many groups are listed for one member. Every group of an ancestry costs one query
   * of its own memberships, and one read of its name when a user is shown, one after the other: 500
   * keeps a request to a few seconds and under a thousand read units, inside the function's 29 s,
   * and it bounds the depth too. Directory users are in tens of groups, rarely hundreds.
   */
  public static final int MAX_GROUPS = 500;

  private final GroupStore store;

  public GroupNesting(GroupStore store) {
    this.store = store;
  }

  /** A group the member belongs to: directly, or only through a group nested in it. */
  public record Ancestor(String groupId, boolean direct) {}

  /**
   * Every group {@code memberId} belongs to, each once, direct ones first (a group that is both is
   * direct), then by nesting distance. A cycle already in the data ends where it meets a visited
   * group; {@code memberId} itself is never listed. Beyond {@link #MAX_GROUPS} the farthest
   * groups are left out.
   */
  public List<Ancestor> ancestors(String connectionId, String memberId) {
    return walk(connectionId, memberId).ancestors();
  }

  /**
   * Rejects adding the groups {@code memberGroupIds} to {@code groupId} (400 invalidValue) when one
   * of them is the group itself or already contains it, directly or through nesting: the membership
   * would close a cycle. Two concurrent requests adding opposite memberships can still both pass
   * (and the member index is eventually consistent); {@link #ancestors} stays finite all the same.
   */
  public void requireNoCycle(String connectionId, String groupId, Collection<String> memberGroupIds) {
    if (memberGroupIds.isEmpty()) {
      return;
    }
    if (memberGroupIds.contains(groupId)) {
      throw new InvalidInputException(ScimType.invalidValue, "A group cannot be a member of itself");
    }
    Walk walk = walk(connectionId, groupId);
    for (Ancestor ancestor : walk.ancestors()) {
      if (memberGroupIds.contains(ancestor.groupId())) {
        throw new InvalidInputException(ScimType.invalidValue, "Group " + ancestor.groupId()
            + " already contains this group" + (ancestor.direct() ? "" : " through nested groups")
            + "; as its member it would form a cycle");
      }
    }
    if (!walk.complete()) {
      throw new InvalidInputException(ScimType.invalidValue, "This group is nested in more than " + MAX_GROUPS
          + " groups, too many to check that a group member forms no cycle");
    }
  }

  /** Breadth-first upwards through the member index; a visited group is never queried again. */
  private Walk walk(String connectionId, String memberId) {
    Map<String, Boolean> found = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>();
    visit(connectionId, memberId, memberId, true, found, pending);
    while (!pending.isEmpty() && found.size() <= MAX_GROUPS) {
      visit(connectionId, memberId, pending.poll(), false, found, pending);
    }
    List<Ancestor> ancestors = found.entrySet().stream().limit(MAX_GROUPS)
        .map(entry -> new Ancestor(entry.getKey(), entry.getValue())).toList();
    return new Walk(ancestors, found.size() <= MAX_GROUPS);
  }

  /** Queries the groups {@code child} is in and queues those not seen yet. */
  private void visit(String connectionId, String memberId, String child, boolean direct, Map<String, Boolean> found,
      Deque<String> pending) {
    for (String parent : store.groupIdsOf(connectionId, child)) {
      if (!parent.equals(memberId) && found.putIfAbsent(parent, direct) == null) {
        pending.add(parent);
      }
    }
  }

  /** @param complete false when the cap cut the walk short */
  private record Walk(List<Ancestor> ancestors, boolean complete) {}
}
