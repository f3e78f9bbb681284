package dev.scimlambda.access;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.problem.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The admin's side of group-based access: which IdP groups of a connection grant access. Saving a
 * list changes it for new users at once; the stream handler re-evaluates the existing ones.
 */
public final class ConnectionAccess {

  private final Connections connections;
  private final AccessGroupsStore store;
  private final IdpGroupNames groups;
  private final Clock clock;

  public ConnectionAccess(Connections connections, AccessGroupsStore store, IdpGroupNames groups, Clock clock) {
    this.connections = connections;
    this.store = store;
    this.groups = groups;
    this.clock = clock;
  }

  public View get(String workspaceId, String connectionId) {
    Connection connection = connections.get(workspaceId, connectionId);
    return view(store.find(connection.id()));
  }

  /** Replaces the list; an empty list gives every user of the connection access again. */
  public View set(String workspaceId, String connectionId, List<String> names) {
    Connection connection = connections.active(workspaceId, connectionId);
    if (names.size() > AccessGroups.MAX_GROUPS) {
      throw new InvalidInputException("groups", "at most " + AccessGroups.MAX_GROUPS + " access groups");
    }
    List<String> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank() || name.strip().length() > AccessGroups.MAX_NAME_LENGTH) {
        throw new InvalidInputException("groups",
            "each access group must be a group's displayName of 1 to " + AccessGroups.MAX_NAME_LENGTH + " characters");
      }
      if (seen.add(AccessGroups.key(name))) {
        kept.add(name.strip());
      }
    }
    AccessGroups saved = new AccessGroups(connection.id(), kept, clock.instant());
    store.save(saved);
    return view(saved);
  }

  /** Names no group of the connection has now: a typo, or a group the IdP has not pushed yet. */
  private View view(AccessGroups accessGroups) {
    List<String> unmatched = accessGroups.groups().stream()
        .filter(name -> !groups.exists(accessGroups.connectionId(), AccessGroups.key(name)))
        .toList();
    return new View(accessGroups, unmatched);
  }

  public record View(AccessGroups accessGroups, List<String> unmatched) {}
}
