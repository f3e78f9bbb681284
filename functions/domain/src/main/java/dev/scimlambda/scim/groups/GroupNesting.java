package dev.scimlambda.scim.groups;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Walks memberships upwards: every group a user or group belongs to, directly or through nesting. */
public final class GroupNesting {

  private final GroupStore store;

  public GroupNesting(GroupStore store) {
    this.store = store;
  }

  public List<Ancestor> ancestors(String connectionId, String memberId) {
    Map<String, Boolean> found = new LinkedHashMap<>();
    Deque<String> frontier = new ArrayDeque<>();
    for (String direct : store.groupIdsOf(connectionId, memberId)) {
      found.put(direct, true);
      frontier.add(direct);
    }
    while (!frontier.isEmpty()) {
      for (String parent : store.groupIdsOf(connectionId, frontier.poll())) {
        if (found.putIfAbsent(parent, false) == null) {
          frontier.add(parent);
        }
      }
    }
    List<Ancestor> ancestors = new ArrayList<>();
    found.forEach((id, direct) -> ancestors.add(new Ancestor(id, direct)));
    return ancestors;
  }

  public record Ancestor(String groupId, boolean direct) {}
}
