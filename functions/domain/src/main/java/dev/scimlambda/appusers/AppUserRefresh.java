package dev.scimlambda.appusers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.scim.groups.GroupNesting;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.tags.GroupTags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Recomputes an app user from the truth — the SCIM user and the groups it is in, directly or
 * through nesting — and writes the difference. Because it never applies a delta from a change
 * record, replays, duplicates and out-of-order records all end in the same state.
 */
public final class AppUserRefresh {

  private static final int ATTEMPTS = 5;

  private final UserStore users;
  private final GroupStore groups;
  private final GroupNesting nesting;
  private final AppUserStore appUsers;

  public AppUserRefresh(UserStore users, GroupStore groups, AppUserStore appUsers) {
    this.users = users;
    this.groups = groups;
    this.nesting = new GroupNesting(groups);
    this.appUsers = appUsers;
  }

  /**
   * A unit of work whose group display names are read once: a chunk of a large group's members all
   * share its ancestors. Safe to share between threads; not for longer than one batch, or renames
   * would be missed.
   */
  public Session session() {
    return new Session();
  }

  public final class Session {

    private final Map<String, Optional<String>> groupNames = new ConcurrentHashMap<>();

    private Session() {}

    /**
     * Brings the app user of SCIM user {@code userId} up to date. {@code observed} are memberships
     * the caller has just read strongly: if the (eventually consistent) membership index does not
     * agree with them yet, this throws {@link MembershipIndexBehind} so the change is retried rather
     * than projected from a stale index.
     */
    public void refresh(String workspaceId, String connectionId, String userId, List<Observed> observed) {
      for (int attempt = 1; ; attempt++) {
        try {
          refreshOnce(workspaceId, connectionId, userId, observed);
          return;
        } catch (ConcurrentAppUserChange e) {
          if (attempt == ATTEMPTS) {
            throw e;
          }
        }
      }
    }

    private void refreshOnce(String workspaceId, String connectionId, String userId, List<Observed> observed) {
      Optional<ScimUser> user = users.find(connectionId, userId);
      AppUser current = appUsers.find(workspaceId, userId).orElse(null);
      if (user.isEmpty()) {
        if (current != null) {
          appUsers.delete(current);
        }
        return;
      }
      AppUser desired = profile(workspaceId, user.get(), tags(connectionId, userId, observed), current);
      if (!desired.sameContent(current)) {
        appUsers.save(current, desired);
      }
    }

    private SortedSet<String> tags(String connectionId, String userId, List<Observed> observed) {
      var ancestors = nesting.ancestors(connectionId, userId);
      observed.forEach(o -> {
        boolean indexed = ancestors.stream().anyMatch(a -> a.direct() && a.groupId().equals(o.groupId()));
        if (indexed != o.member()) {
          throw new MembershipIndexBehind();
        }
      });
      SortedSet<String> tags = new TreeSet<>();
      for (var ancestor : ancestors) {
        // A group just deleted may still have membership items: it gives no tag.
        displayName(connectionId, ancestor.groupId()).ifPresent(name -> tags.add(GroupTags.of(name)));
      }
      return tags;
    }

    private Optional<String> displayName(String connectionId, String groupId) {
      return groupNames.computeIfAbsent(groupId,
          id -> groups.find(connectionId, id).map(ScimGroup::displayName));
    }
  }

  private static AppUser profile(String workspaceId, ScimUser user, SortedSet<String> tags, AppUser current) {
    JsonNode doc = user.document();
    String userName = doc.path("userName").asText(null);
    return new AppUser(
        workspaceId,
        user.id(),
        user.connectionId(),
        user.id(),
        userName,
        displayName(doc),
        email(doc, userName),
        user.active(),
        tags,
        current == null ? 0 : current.version());
  }

  private static String displayName(JsonNode doc) {
    String explicit = doc.path("displayName").asText("").trim();
    if (!explicit.isEmpty()) {
      return explicit;
    }
    JsonNode name = doc.path("name");
    String formatted = name.path("formatted").asText("").trim();
    if (!formatted.isEmpty()) {
      return formatted;
    }
    String joined = (name.path("givenName").asText("") + " " + name.path("familyName").asText("")).trim();
    return joined.isEmpty() ? null : joined;
  }

  /** The primary email, else the first, else the userName when it is an email (Okta's default). */
  private static String email(JsonNode doc, String userName) {
    String first = null;
    for (JsonNode email : doc.path("emails")) {
      String value = email.path("value").asText("").trim();
      if (value.isEmpty()) {
        continue;
      }
      if (email.path("primary").asBoolean(false)) {
        return value;
      }
      if (first == null) {
        first = value;
      }
    }
    if (first != null) {
      return first;
    }
    return userName != null && userName.contains("@") ? userName.trim() : null;
  }

  /** A membership as just read with a strongly consistent read. */
  public record Observed(String groupId, boolean member) {}
}
