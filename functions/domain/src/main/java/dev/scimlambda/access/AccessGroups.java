package dev.scimlambda.access;

import dev.scimlambda.scim.query.IndexedAttribute;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The IdP groups whose members may use the app, for the users of one connection. Groups are named
 * by displayName, compared trimmed and case-insensitively as SCIM compares group names: it is the
 * name an admin sees in the IdP and in the {@code Group:} tags, and a group pushed later, or
 * deleted and pushed again, matches without a new id. A rename in the IdP therefore changes
 * access, as it changes the tag.
 *
 * @param groups as the admin wrote them, duplicates left out; empty means every user has access
 * @param updatedAt null when never set
 */
public record AccessGroups(String connectionId, List<String> groups, Instant updatedAt) {

  /** More names than any access policy needs, and few enough to check each against the connection's groups. */
  public static final int MAX_GROUPS = 100;
  /** SCIM sets no limit on a displayName; IdPs stay far below it. */
  public static final int MAX_NAME_LENGTH = 256;

  public AccessGroups {
    groups = List.copyOf(groups);
  }

  /** A connection that never had access groups: everyone has access. */
  public static AccessGroups none(String connectionId) {
    return new AccessGroups(connectionId, List.of(), null);
  }

  public boolean restricts() {
    return !groups.isEmpty();
  }

  /** Whether a user in these groups (display names, directly or through nesting) has access. */
  public boolean grants(Collection<String> groupDisplayNames) {
    if (!restricts()) {
      return true;
    }
    Set<String> granting = keys();
    return groupDisplayNames.stream().anyMatch(name -> granting.contains(key(name)));
  }

  /** The names as compared: trimmed, lower-cased, as the connection's displayName guard compares them. */
  public Set<String> keys() {
    return groups.stream().map(AccessGroups::key).collect(Collectors.toUnmodifiableSet());
  }

  public static String key(String displayName) {
    return IndexedAttribute.DISPLAY_NAME.key(displayName);
  }
}
