package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.concurrent.SideBySide;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.patch.ScimPatch;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.IndexedAttribute;
import dev.scimlambda.scim.resource.ETags;
import dev.scimlambda.scim.resource.LostRaces;
import dev.scimlambda.scim.resource.ResourceDocument;
import dev.scimlambda.scim.resource.ResourceLimits;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.rules.DocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Groups endpoint of one connection (RFC 7644 §3.3-3.6). The group item holds the document
 * without members; members are membership items, changed by puts and deletes of exactly the
 * members a request adds or removes, so concurrent member PATCHes do not conflict. Every write is
 * planned in full from one read and handed to the store as one {@link GroupChange}, which it
 * writes all or nothing.
 */
public final class Groups implements Memberships {

  private static final int MEMBER_PAGE = 1000;
  private static final FilterPlanner PLANNER = FilterPlanner.groups();
  /** Groups a deleted member's removal updates at once. */
  private static final int GROUP_WRITES_IN_FLIGHT = 8;

  private final GroupStore store;
  private final GroupNesting nesting;
  private final DocumentRules rules;
  private final Clock clock;

  public Groups(GroupStore store, DocumentRules rules, Clock clock) {
    this.store = store;
    this.nesting = new GroupNesting(store);
    this.rules = rules;
    this.clock = clock;
  }

  public GroupView create(String connectionId, JsonNode body) {
    ObjectNode document = rules.forCreate(body);
    MemberChanges changes = MemberChanges.replacing(document.path("members"));
    document.remove("members");
    String id = UUID.randomUUID().toString();
    // A new group contains no group yet, so none of its members can close a cycle.
    Map<String, Member> members = resolve(connectionId, changes.adds());
    Instant now = clock.instant();
    ScimGroup group = build(connectionId, id, document, now, now, 1, members.size());
    try {
      ScimGroup created = store.apply(GroupChange.create(group, List.copyOf(members.values())));
      return new GroupView(created, List.copyOf(members.values()));
    } catch (UniquenessViolation e) {
      return retriedCreate(connectionId, group, members, e).orElseThrow(() -> uniqueness(e));
    }
  }

  /**
   * The group a crashed create of the same group left behind, when this is its retry: the client
   * never saw that group, so it gets it as the answer to the create instead of 409. Only the same
   * document with the same members qualifies, and only once.
   */
  private Optional<GroupView> retriedCreate(String connectionId, ScimGroup requested, Map<String, Member> members,
      UniquenessViolation e) {
    if (!"displayName".equals(e.attribute())) {
      return Optional.empty();
    }
    return store.findId(connectionId, GroupStore.LookupKey.DISPLAY_NAME, requested.displayNameKey())
        .flatMap(holder -> store.unansweredCreate(connectionId, holder))
        .filter(left -> left.document().equals(requested.document())
            && java.util.Objects.equals(left.externalId(), requested.externalId()))
        .flatMap(left -> {
          List<Member> stored = members(connectionId, left.id());
          boolean same = Set.copyOf(stored).equals(Set.copyOf(members.values()));
          return same && store.answerCreate(connectionId, left.id())
              ? Optional.of(new GroupView(left, stored)) : Optional.empty();
        });
  }

  public ScimGroup get(String connectionId, String id) {
    ResourceLimits.requireId(id);
    return store.find(connectionId, id).orElseThrow(() -> new NotFoundException("Group " + id + " not found"));
  }

  /** The group, with its members read page by page when {@code withMembers}. */
  public GroupView get(String connectionId, String id, boolean withMembers) {
    ScimGroup group = get(connectionId, id);
    return new GroupView(group, withMembers ? members(connectionId, id) : null);
  }

  /** Every member of the group, in member-id order. */
  public List<Member> members(String connectionId, String groupId) {
    List<Member> all = new ArrayList<>();
    String after = null;
    do {
      GroupStore.MemberPage page = store.members(connectionId, groupId, after, MEMBER_PAGE);
      all.addAll(page.members());
      after = page.lastMemberId();
    } while (after != null);
    return all;
  }

  /** PUT: the body replaces the document; its members replace the members, by difference. */
  public GroupView replace(String connectionId, String id, JsonNode body, String ifMatch) {
    List<List<Member>> finalMembers = new ArrayList<>();
    ScimGroup group = write(connectionId, id, ifMatch, null, current -> {
      ObjectNode document = rules.forReplace(current.document().deepCopy(), body);
      MemberChanges changes = MemberChanges.replacing(document.path("members"));
      document.remove("members");
      Plan plan = plan(connectionId, current, document, changes);
      finalMembers.clear();
      finalMembers.add(List.copyOf(plan.wanted().values()));
      return plan;
    });
    return new GroupView(group, finalMembers.get(0));
  }

  /**
   * PATCH: the whole message is applied to a copy first (syntax, types, paths, required
   * attributes, limits), member ids are resolved and checked for cycles, and only then is anything
   * written, all of it or nothing. The response carries no members (reading them back would cost
   * O(members) per PATCH).
   */
  public ScimGroup patch(String connectionId, String id, JsonNode patchRequest, String ifMatch) {
    ScimGroup before = get(connectionId, id);
    // Checks the whole message as the patcher reads it (syntax, types, paths), then splits it.
    ScimPatch.apply(asSent(before), patchRequest, ScimSchemas.group());
    MemberChanges.Split split = MemberChanges.split(patchRequest);
    return write(connectionId, id, ifMatch, before, current -> {
      ObjectNode document = split.documentPatch() == null
          ? current.document().deepCopy() : rules.patch(asSent(current), split.documentPatch());
      document.remove(ResourceDocument.ID);
      document.remove("members");
      return plan(connectionId, current, document, split.members());
    });
  }

  /**
   * The stored document with the group's id, as clients see it: Okta repeats the id in the
   * path-less replace of every rename, which is accepted only when it is this group's id.
   */
  private static ObjectNode asSent(ScimGroup group) {
    ObjectNode document = group.document().deepCopy();
    document.put(ResourceDocument.ID, group.id());
    return document;
  }

  public void delete(String connectionId, String id, String ifMatch) {
    LostRaces.retry(ifMatch, attempt -> {
      ScimGroup current = get(connectionId, id);
      ETags.requireMatch(ifMatch, current.version());
      store.delete(current);
      removeEverywhere(connectionId, id);
      return current;
    });
  }

  @Override
  public List<GroupRef> groups(String connectionId, String memberId) {
    List<GroupNesting.Ancestor> ancestors = nesting.ancestors(connectionId, memberId);
    Map<String, ScimGroup> named = store.findAll(connectionId,
        ancestors.stream().map(GroupNesting.Ancestor::groupId).toList());
    List<GroupRef> groups = new ArrayList<>();
    for (GroupNesting.Ancestor ancestor : ancestors) {
      ScimGroup group = named.get(ancestor.groupId());
      if (group != null) {
        groups.add(new GroupRef(group.id(), group.displayName(), ancestor.direct()));
      }
    }
    return groups;
  }

  /**
   * Removes a deleted user or group from every group it was in; those groups get a new version,
   * side by side: each group's write is its own and does not wait on another's.
   */
  @Override
  public void removeEverywhere(String connectionId, String memberId) {
    Instant now = clock.instant();
    SideBySide.map(store.removeFromAllGroups(connectionId, memberId), GROUP_WRITES_IN_FLIGHT,
        groupId -> store.touch(connectionId, groupId, null, now, -1));
  }

  /**
   * Read, plan, write. The whole change is planned from one read and written as one
   * {@link GroupChange}; a lost race writes nothing and is planned again from a fresh read. The
   * document is conditioned on the version when it changed; a member-only change is not (with
   * If-Match: it is), so concurrent member changes never lose a race.
   *
   * @param read the group as the caller just read it, planned from on the first attempt instead of
   *     a second GetItem (a lost race reads again); null to read it here
   */
  private ScimGroup write(String connectionId, String id, String ifMatch, ScimGroup read,
      Function<ScimGroup, Plan> planner) {
    boolean ifMatchSent = ifMatch != null && !ifMatch.isBlank();
    return LostRaces.retry(ifMatch, attempt -> {
      ScimGroup current = attempt == 1 && read != null ? read : get(connectionId, id);
      ETags.requireMatch(ifMatch, current.version());
      Plan plan = planner.apply(current);
      boolean documentChanged = !plan.document().equals(current.document());
      if (!documentChanged && !plan.membersRequested()) {
        return current;
      }
      ScimGroup updated = build(connectionId, id, plan.document(), current.created(), clock.instant(),
          current.version() + 1, current.memberCount());
      Long expected = documentChanged || ifMatchSent ? current.version() : null;
      try {
        return store.apply(new GroupChange(current, updated, expected, List.copyOf(plan.puts().values()),
            List.copyOf(plan.deletes()), plan.membersRequested()));
      } catch (UniquenessViolation e) {
        throw uniqueness(e);
      }
    });
  }

  /**
   * What one request writes: the new document, and its member changes as membership puts and
   * deletes, every member resolved and checked for cycles before anything is written.
   *
   * @param wanted for a whole replacement: the resulting members
   */
  private record Plan(ObjectNode document, Map<String, Member> puts, Set<String> deletes, Map<String, Member> wanted,
      boolean membersRequested) {}

  private Plan plan(String connectionId, ScimGroup group, ObjectNode document, MemberChanges changes) {
    if (changes.isEmpty()) {
      return new Plan(document, Map.of(), Set.of(), Map.of(), false);
    }
    Map<String, Member> wanted = resolve(connectionId, changes.adds());
    nesting.requireNoCycle(connectionId, group.id(), wanted.values().stream()
        .filter(member -> Member.GROUP.equals(member.type())).map(Member::value).collect(Collectors.toSet()));
    Map<String, Member> puts = new LinkedHashMap<>(wanted);
    Set<String> deletes = new LinkedHashSet<>(changes.removes());
    if (changes.replaceAll() || changes.hasRemoveFilters()) {
      for (Member stored : members(connectionId, group.id())) {
        if (changes.replaceAll()) {
          Member put = wanted.get(stored.value());
          if (put == null) {
            deletes.add(stored.value());
          } else if (put.equals(stored)) {
            puts.remove(stored.value());
          }
        } else if (changes.removedByFilter(stored)) {
          deletes.add(stored.value());
        }
      }
    }
    deletes.removeAll(wanted.keySet());
    return new Plan(document, puts, deletes, wanted, true);
  }

  /**
   * The members to write, with type and display from the resolved users and groups (a display the
   * client sent wins). The type is the resource's own: a {@code type} the client sent is only a
   * label (RFC 7643 §4.2) and is corrected rather than rejected, since ids are unique across users
   * and groups and some clients label every member alike. An id that is no user or group of this
   * connection is 400 invalidValue.
   */
  private Map<String, Member> resolve(String connectionId, Map<String, Member> requested) {
    if (requested.isEmpty()) {
      return Map.of();
    }
    Map<String, Member> found = store.resolve(connectionId, requested.keySet());
    List<String> unknown = new ArrayList<>();
    Map<String, Member> members = new LinkedHashMap<>();
    for (Member member : requested.values()) {
      Member resolved = found.get(member.value());
      if (resolved == null) {
        unknown.add(member.value());
        continue;
      }
      members.put(member.value(), new Member(member.value(), resolved.type(),
          member.display() != null ? member.display() : resolved.display()));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(ScimType.invalidValue,
          "No user or group of this connection has the id " + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
              + (unknown.size() > 5 ? " (and " + (unknown.size() - 5) + " more)" : ""));
    }
    return members;
  }

  static ScimGroup build(String connectionId, String id, ObjectNode document, Instant created, Instant modified,
      long version, long memberCount) {
    document.remove("id");
    document.remove("meta");
    document.remove("members");
    Map<IndexedAttribute, Set<String>> keys = PLANNER.indexKeys(document);
    keys.forEach((attribute, values) -> values.forEach(value -> ResourceLimits.requireKey(attribute.path(), value)));
    ResourceLimits.requireStorable("Group", document);
    String displayNameKey = keys.getOrDefault(IndexedAttribute.DISPLAY_NAME, Set.of()).stream().findFirst()
        .orElseThrow(() -> new InvalidInputException(ScimType.invalidValue, "displayName is required"));
    String externalId = keys.getOrDefault(IndexedAttribute.EXTERNAL_ID, Set.of()).stream().findFirst()
        .filter(value -> !value.isEmpty()).orElse(null);
    return new ScimGroup(connectionId, id, document, displayNameKey, externalId, memberCount, created, modified, version);
  }

  private static ConflictException uniqueness(UniquenessViolation e) {
    return new ConflictException("A group with this " + e.attribute() + " already exists");
  }

}
