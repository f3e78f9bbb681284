package dev.scimlambda.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.access.AccessGroups;
import dev.scimlambda.access.AccessGroupsStore;
import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.appusers.AppUserProfile;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.appusers.ConcurrentAppUserChange;
import dev.scimlambda.appusers.GroupAccess;
import dev.scimlambda.mapping.GroupTags;
import dev.scimlambda.mapping.ProfileMapper;
import dev.scimlambda.mapping.ProfileMappings;
import dev.scimlambda.problem.Retries;
import dev.scimlambda.scim.groups.GroupNesting;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recomputes an app user's profile and tags from the truth — its linked SCIM users, the groups
 * they are in, directly or through nesting, and their connections' attribute mappings and target
 * groups — and writes the difference. Because it never applies a
 * delta from a change record, replays, duplicates and out-of-order records all end in the same
 * state. An app user left without identities (its SCIM users deleted, never registered through
 * SSO) is deleted with its tags. The same groups decide the person's access where a connection
 * lists access groups ({@link GroupAccess}).
 */
public final class AppUserRefresh {

  private static final int ATTEMPTS = 5;

  private final UserStore users;
  private final GroupStore groups;
  private final GroupNesting nesting;
  private final AppUserStore appUsers;
  private final GroupAccess access;
  private final AccessGroupsStore accessGroups;
  private final ProfileMappings mappings;

  public AppUserRefresh(UserStore users, GroupStore groups, AppUserStore appUsers, GroupAccess access,
      AccessGroupsStore accessGroups, ProfileMappings mappings) {
    this.users = users;
    this.groups = groups;
    this.nesting = new GroupNesting(groups);
    this.appUsers = appUsers;
    this.access = access;
    this.accessGroups = accessGroups;
    this.mappings = mappings;
  }

  /**
   * A unit of work whose group display names, access groups and connection mappings are read once:
   * a chunk of a large group's members all share its ancestors and connection. Safe to share
   * between threads; not for longer than one batch, or renames
   * would be missed.
   */
  public Session session() {
    return new Session();
  }

  public final class Session {

    private final Map<String, Optional<String>> groupNames = new ConcurrentHashMap<>();
    private final Map<String, AccessGroups> accessGroupsOf = new ConcurrentHashMap<>();
    private final Map<String, ProfileMapper> mappers = new ConcurrentHashMap<>();

    private Session() {}

    /**
     * Brings the app user of SCIM user {@code userId} up to date. {@code observed} are memberships
     * the caller has just read strongly: if the (eventually consistent) membership index does not
     * agree with them yet, this throws {@link MembershipIndexBehind} so the change is retried rather
     * than projected from a stale index.
     *
     * @param appUserId the app user the SCIM user is (or, if deleted, was) linked to
     * @return what was written; {@link Outcome#changed()} is false when the app user already agreed
     */
    public Outcome refresh(String workspaceId, String appUserId, String connectionId, String userId,
        List<Observed> observed) {
      return refreshRetrying(workspaceId, appUserId, Account.identity(connectionId, userId), observed);
    }

    /**
     * As {@link #refresh}, for an app user known by id, from its account's identities: how the
     * reconciler re-derives a person whose SCIM users it does not page. Nothing to do for an app user
     * stored before accounts existed (its SCIM user refreshes it).
     */
    public Outcome refreshAppUser(String workspaceId, String appUserId) {
      return refreshRetrying(workspaceId, appUserId, null, List.of());
    }

    private Outcome refreshRetrying(String workspaceId, String appUserId, String trigger, List<Observed> observed) {
      Changes changes = new Changes();
      return Retries.untilWon(ATTEMPTS, ConcurrentAppUserChange.class::isInstance, attempt -> {
        refreshOnce(workspaceId, appUserId, trigger, observed, changes);
        return changes.outcome();
      }, lost -> lost);
    }

    /** As {@link #refresh}, for a SCIM user known by id only; nothing to do when it is gone (its removal refreshes). */
    public Outcome refreshScimUser(String workspaceId, String connectionId, String userId, List<Observed> observed) {
      return users.find(connectionId, userId)
          .map(user -> refresh(workspaceId, user.appUserIdOrOwn(), connectionId, userId, observed))
          .orElse(Outcome.UNCHANGED);
    }

    private void refreshOnce(String workspaceId, String appUserId, String trigger, List<Observed> observed,
        Changes changes) {
      AppUser current = appUsers.find(workspaceId, appUserId).orElse(null);
      Account account = current == null ? null : current.account();
      if (account == null && trigger == null) {
        return;
      }
      // Before accounts existed, an app user was exactly one SCIM user, with its id.
      SortedSet<String> identities = account != null ? account.identities() : new TreeSet<>(List.of(trigger));
      List<ScimUser> linked = new ArrayList<>();
      for (String identity : identities) {
        int slash = identity.indexOf('/');
        users.find(identity.substring(0, slash), identity.substring(slash + 1)).ifPresent(linked::add);
      }
      boolean gone = account != null ? account.orphaned() : linked.isEmpty();
      if (gone) {
        if (current != null) {
          appUsers.delete(current);
          changes.deleted = true;
        }
        return;
      }
      SortedSet<String> tags = new TreeSet<>();
      Map<String, List<String>> groupsOf = new HashMap<>();
      AppUserProfile profile = AppUserProfile.EMPTY;
      for (ScimUser user : linked) {
        List<String> names = groupNames(user.connectionId(), user.id(),
            observed.stream().filter(o -> o.userId().equals(user.id())).toList());
        groupsOf.put(Account.identity(user.connectionId(), user.id()), names);
        names.forEach(name -> tags.add(GroupTags.of(name)));
        ProfileMapper mapper = mappers.computeIfAbsent(user.connectionId(), mappings::forConnection);
        AppUserProfile mapped = mapper.profile(user.document());
        mapper.targetGroupTag(mapped).ifPresent(tags::add);
        if (user == linked.get(0)) {
          profile = mapped;
        }
      }
      // Registered through SSO and not (or no longer) provisioned: no groups, no tags, no profile.
      save(current, workspaceId, appUserId, linked.isEmpty() ? null : linked.get(0).document(), profile, tags,
          changes);
      if (account != null) {
        access.update(account, groupsOf,
            connectionId -> accessGroupsOf.computeIfAbsent(connectionId, accessGroups::find))
            .ifPresent(changes::access);
      }
    }

    private void save(AppUser current, String workspaceId, String appUserId, JsonNode document, AppUserProfile profile,
        SortedSet<String> tags, Changes changes) {
      AppUser base = current != null
          ? current : new AppUser(workspaceId, appUserId, null, null, new TreeSet<>(), 0, null, null);
      // Without a provisioned identity, the name given at SSO registration stays.
      String userName = document == null ? base.userName() : document.path("userName").asText(null);
      String displayName = document == null ? base.displayName() : AppUserRefresh.displayName(document);
      AppUser desired = base.withDerived(userName, displayName, profile, tags);
      if (!desired.sameDerived(current)) {
        appUsers.save(current, desired);
        changes.saved(current, desired);
      }
    }

    /** The display names of the groups the user is in, directly or through nesting. */
    private List<String> groupNames(String connectionId, String userId, List<Observed> observed) {
      var ancestors = nesting.ancestors(connectionId, userId);
      observed.forEach(o -> {
        boolean indexed = ancestors.stream().anyMatch(a -> a.direct() && a.groupId().equals(o.groupId()));
        if (indexed != o.member()) {
          throw new MembershipIndexBehind();
        }
      });
      List<String> names = new ArrayList<>();
      for (var ancestor : ancestors) {
        // A group just deleted may still have membership items: it gives no tag and no access.
        displayName(connectionId, ancestor.groupId()).ifPresent(names::add);
      }
      return names;
    }

    private Optional<String> displayName(String connectionId, String groupId) {
      return groupNames.computeIfAbsent(connectionId + "/" + groupId,
          id -> groups.find(connectionId, groupId).map(ScimGroup::displayName));
    }
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

  /** A membership of SCIM user {@code userId} as just read with a strongly consistent read. */
  public record Observed(String userId, String groupId, boolean member) {}

  /**
   * What one refresh wrote: nothing, when the app user already agreed with the truth (a replayed
   * record, or a reconciliation of a healthy workspace).
   *
   * @param created the app user item did not exist
   * @param profileChanged userName, displayName or the mapped profile changed
   * @param access the access and seat change written, null when none
   */
  public record Outcome(boolean created, boolean deleted, SortedSet<String> tagsAdded, SortedSet<String> tagsRemoved,
      boolean profileChanged, GroupAccess.AccessUpdate access) {

    public static final Outcome UNCHANGED = new Outcome(false, false, new TreeSet<>(), new TreeSet<>(), false, null);

    public boolean changed() {
      return created || deleted || !tagsAdded.isEmpty() || !tagsRemoved.isEmpty() || profileChanged || access != null;
    }
  }

  /** Collects the writes of one refresh across its attempts: an attempt may write before it loses a race. */
  private static final class Changes {
    private boolean created;
    private boolean deleted;
    private final SortedSet<String> tagsAdded = new TreeSet<>();
    private final SortedSet<String> tagsRemoved = new TreeSet<>();
    private boolean profileChanged;
    private GroupAccess.AccessUpdate access;

    void saved(AppUser before, AppUser after) {
      SortedSet<String> had = before == null ? new TreeSet<>() : before.tags();
      if (before == null) {
        created = true;
      }
      // A tag added by one attempt and removed by the next is no change at all.
      for (String tag : after.tags()) {
        if (!had.contains(tag) && !tagsRemoved.remove(tag)) {
          tagsAdded.add(tag);
        }
      }
      for (String tag : had) {
        if (!after.tags().contains(tag) && !tagsAdded.remove(tag)) {
          tagsRemoved.add(tag);
        }
      }
      profileChanged |= before == null || !java.util.Objects.equals(before.userName(), after.userName())
          || !java.util.Objects.equals(before.displayName(), after.displayName())
          || !before.profile().equals(after.profile());
    }

    void access(GroupAccess.AccessUpdate update) {
      access = access == null ? update
          : new GroupAccess.AccessUpdate(access.hadAccess(), update.hasAccess(), access.hadSeat(), update.hasSeat());
    }

    Outcome outcome() {
      return new Outcome(created, deleted, tagsAdded, tagsRemoved, profileChanged, access);
    }
  }
}
