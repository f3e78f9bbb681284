package dev.scimlambda.scim.groups;

import dev.scimlambda.concurrent.SideBySide;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups nested in groups: which groups a user or group belongs to directly or through nesting,
 * and the check that keeps a new group membership from closing a cycle. Reads only: one
 * {@link GroupStore#groupIdsOf} query per member and per group of its ancestry, nearest first, the
 * queries of one nesting level side by side.
 */
public final class GroupNesting {

  /**
   * At most this many groups are listed for one member. Every group of an ancestry costs one query
   * of its own memberships (8 in flight), and its name is read in batches of 100 when a user is
   * shown: 500 keeps a request under a thousand read units and well inside the function's 29 s,
   * and it bounds the depth too. Directory users are in tens of groups, rarely hundreds.
   */
  public static final int MAX_GROUPS = 500;

  /** Membership queries of one level in flight at once. */
  private static final int QUERIES_IN_FLIGHT = 8;

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

  /**
   * Breadth-first upwards through the member index, one level at a time: the groups of a level are
   * queried side by side (they do not depend on each other), and a visited group is never queried
   * again. Results are taken in the level's order, so the listing is what a one-by-one walk gives.
   */
  private Walk walk(String connectionId, String memberId) {
    Map<String, Boolean> found = new LinkedHashMap<>();
    List<String> level = List.of(memberId);
    boolean direct = true;
    while (!level.isEmpty() && found.size() <= MAX_GROUPS) {
      List<List<String>> parentsOfEach =
          SideBySide.map(level, QUERIES_IN_FLIGHT, child -> store.groupIdsOf(connectionId, child));
      List<String> next = new ArrayList<>();
      for (List<String> parents : parentsOfEach) {
        for (String parent : parents) {
          if (!parent.equals(memberId) && found.putIfAbsent(parent, direct) == null) {
            next.add(parent);
          }
        }
      }
      level = next;
      direct = false;
    }
    List<Ancestor> ancestors = found.entrySet().stream().limit(MAX_GROUPS)
        .map(entry -> new Ancestor(entry.getKey(), entry.getValue())).toList();
    return new Walk(ancestors, found.size() <= MAX_GROUPS);
  }

  /** @param complete false when the cap cut the walk short */
  private record Walk(List<Ancestor> ancestors, boolean complete) {}
}
