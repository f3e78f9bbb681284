package dev.scimlambda.mapping;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an admin set for one connection: attribute sources overriding the defaults or filling custom
 * fields, and the target-group settings. The defaults themselves are not stored, so improving them
 * reaches every connection that did not override them.
 *
 * @param overrides app field (standard or custom) to the SCIM paths tried in order
 * @param version bumped by every save, which is conditional on it; 0 before the first save
 */
public record ConnectionMapping(
    String connectionId,
    String workspaceId,
    SortedMap<String, List<String>> overrides,
    TargetGroups targetGroups,
    long version,
    Instant updatedAt) {

  public ConnectionMapping {
    overrides = Collections.unmodifiableSortedMap(new TreeMap<>(overrides));
  }

  public static ConnectionMapping unset(String connectionId, String workspaceId) {
    return new ConnectionMapping(connectionId, workspaceId, new TreeMap<>(), TargetGroups.NONE, 0, null);
  }

  /** Whether the custom field {@code key} is used as a mapping target or to group by. */
  public boolean uses(String key) {
    return overrides.containsKey(key) || key.equals(targetGroups.groupBy());
  }
}
