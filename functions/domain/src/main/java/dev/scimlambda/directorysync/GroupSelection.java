package dev.scimlambda.directorysync;

import java.util.Set;

/**
 * Which of the directory's groups a connection syncs. {@link #all()} syncs every group and every
 * user. A list syncs only those groups (their {@code Group:} tags) and only the users who are
 * members of at least one of them; a user who leaves the last selected group is deactivated.
 *
 * @param groupIds provider group ids, or null for every group
 */
public record GroupSelection(Set<String> groupIds) {

  /** Graph's {@code $filter=id in (…)} on group delta, the tightest provider limit, takes 50 ids. */
  public static final int MAX_GROUPS = 50;

  public GroupSelection {
    if (groupIds != null) {
      if (groupIds.isEmpty() || groupIds.size() > MAX_GROUPS) {
        throw new IllegalArgumentException("select between 1 and " + MAX_GROUPS + " groups, or all");
      }
      groupIds = Set.copyOf(groupIds);
    }
  }

  public static GroupSelection all() {
    return new GroupSelection(null);
  }

  public boolean isAll() {
    return groupIds == null;
  }

  public boolean includes(String groupProviderId) {
    return groupIds == null || groupIds.contains(groupProviderId);
  }
}
