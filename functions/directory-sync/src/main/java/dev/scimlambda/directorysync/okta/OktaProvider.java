package dev.scimlambda.directorysync.okta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.directorysync.DirectoryCredentials;
import dev.scimlambda.directorysync.DirectoryEntry;
import dev.scimlambda.directorysync.DirectoryGroup;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectoryPage;
import dev.scimlambda.directorysync.DirectoryProvider;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.directorysync.DirectoryRead;
import dev.scimlambda.directorysync.DirectoryUser;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.http.DirectoryEndpoints;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Okta's Management API: {@code /api/v1/users} and {@code /api/v1/groups} with their members, paged
 * by {@code Link: rel="next"}. Incremental passes search {@code lastUpdated gt "<instant>"}
 * (users) and {@code lastUpdated}/{@code lastMembershipUpdated} (groups), which also returns
 * DEPROVISIONED users, so deactivations arrive as removals; a full pass lists users without a
 * search, which leaves DEPROVISIONED and deleted users out, so the engine's sweep deactivates them.
 *
 * <p>Groups are read one group's page of members per call, so a group of 10,000 is checkpointed
 * every 1,000 members. In an incremental pass a changed group's members are all read again, and
 * then the System Log's {@code group.user_membership.add/remove} events since the previous pass say
 * who left (Okta's group search says that a membership changed, not who left).
 */
public final class OktaProvider implements DirectoryProvider {

  /** Okta's maximum page sizes: 200 users or groups, 1,000 members of a group. */
  static final int USERS_PAGE = 200;
  static final int GROUPS_PAGE = 200;
  static final int MEMBERS_PAGE = 1_000;
  static final int LOG_PAGE = 1_000;

  /** The System Log event types of a person joining and leaving a group. */
  static final String MEMBER_ADDED = "group.user_membership.add";
  static final String MEMBER_REMOVED = "group.user_membership.remove";

  /**
   * Okta's search index trails writes by a little; the next incremental pass starts this much before
   * this one began, so a change made while it ran is read (again) rather than missed.
   */
  static final Duration SEARCH_LAG = Duration.ofMinutes(2);

  private final URI org;
  private final DirectoryHttp http;
  private final OktaSignIn signIn;
  private final Clock clock;
  /** The groups page being walked one group at a time, kept for this run so each group costs one request. */
  private String cachedListUrl;
  private JsonNode cachedGroups;
  private Optional<String> cachedGroupsNext = Optional.empty();

  public OktaProvider(DirectoryCredentials.Okta credentials, DirectoryEndpoints endpoints, DirectoryHttp http, Clock clock) {
    this.org = endpoints.oktaOrg(credentials.orgUrl());
    this.http = http;
    this.clock = clock;
    this.signIn = new OktaSignIn(credentials, org, http, clock);
  }

  @Override
  public DirectoryKind kind() {
    return DirectoryKind.OKTA_API;
  }

  @Override
  public DirectoryPage<DirectoryUser> readUsers(DirectoryRead read) {
    OktaPosition at = read.position() == null ? null : OktaPosition.decode(read.position());
    String url;
    String since;
    DirectoryHttp.Answer answer;
    if (at == null || at.startsIncrementalPass()) {
      url = read.kind() == SyncKind.INCREMENTAL && at != null
          ? usersUrl() + "&search=" + query("lastUpdated gt \"" + at.from() + "\"")
          : usersUrl();
      since = now();
      answer = get(url);
    } else {
      url = sameOrg(at.list());
      since = at.since();
      answer = get(url);
    }
    List<DirectoryEntry<DirectoryUser>> entries = new ArrayList<>();
    for (JsonNode user : array(answer)) {
      entries.add(OktaUsers.entry(user));
    }
    Optional<String> next = LinkHeader.next(answer.headers()).map(this::sameOrg);
    return new DirectoryPage<>(entries,
        next.map(n -> new OktaPosition(null, since, n, null, null).encode()).orElse(null),
        next.isPresent() ? null : OktaPosition.resumeFrom(since).encode());
  }

  @Override
  public DirectoryPage<DirectoryGroup> readGroups(DirectoryRead read) {
    OktaPosition at = read.position() == null ? null : OktaPosition.decode(read.position());
    if (at != null && at.log() != null) {
      return readMembershipLog(at);
    }
    String changedAfter = read.kind() != SyncKind.INCREMENTAL || at == null ? null
        : at.startsIncrementalPass() ? at.from() : at.changedAfter();
    if (!read.selection().isAll()) {
      return readSelectedGroup(read, at, changedAfter);
    }
    String listUrl;
    String since;
    int index;
    if (at == null || at.startsIncrementalPass()) {
      listUrl = changedAfter != null
          ? groupsUrl() + "&search=" + query("lastUpdated gt \"" + changedAfter + "\" or lastMembershipUpdated gt \"" + changedAfter + "\"")
          : groupsUrl();
      since = null;
      index = 0;
    } else {
      listUrl = sameOrg(at.list());
      since = at.since();
      index = at.index();
    }
    JsonNode groups = groupsPage(listUrl);
    if (since == null) {
      since = cachedSince;
    }
    while (index >= groups.size() && cachedGroupsNext.isPresent()) {
      listUrl = cachedGroupsNext.get();
      groups = groupsPage(listUrl);
      index = 0;
    }
    if (index >= groups.size()) {
      return endOfGroups(List.of(), since, changedAfter);
    }
    JsonNode group = groups.get(index);
    String membersUrl = at != null && at.members() != null && !at.startsIncrementalPass()
        ? sameOrg(at.members()) : membersUrl(group.path("id").asText());
    DirectoryHttp.Answer members = get(membersUrl);
    List<DirectoryEntry<DirectoryGroup>> entries = List.of(DirectoryEntry.group(new DirectoryGroup(group.path("id").asText(),
        group.path("profile").path("name").asText(null), memberIds(members), Set.of())));
    Optional<String> moreMembers = LinkHeader.next(members.headers()).map(this::sameOrg);
    if (moreMembers.isPresent()) {
      return page(entries, new OktaPosition(null, since, listUrl, index, moreMembers.get(), changedAfter, null));
    } else if (index + 1 < groups.size()) {
      return page(entries, new OktaPosition(null, since, listUrl, index + 1, null, changedAfter, null));
    } else if (cachedGroupsNext.isPresent()) {
      return page(entries, new OktaPosition(null, since, cachedGroupsNext.get(), 0, null, changedAfter, null));
    }
    return endOfGroups(entries, since, changedAfter);
  }

  /**
   * A chosen list of groups is read by id, in a fixed order, whatever the pass: a handful of groups
   * costs a request each, and a group deleted in Okta (404) arrives as a removal.
   */
  private DirectoryPage<DirectoryGroup> readSelectedGroup(DirectoryRead read, OktaPosition at, String changedAfter) {
    List<String> ids = read.selection().groupIds().stream().sorted().toList();
    boolean starting = at == null || at.startsIncrementalPass();
    int index = starting ? 0 : at.index();
    String since = starting ? null : at.since();
    if (index >= ids.size()) {
      return endOfGroups(List.of(), since == null ? now() : since, changedAfter);
    }
    String id = ids.get(index);
    DirectoryEntry<DirectoryGroup> entry;
    Optional<String> moreMembers = Optional.empty();
    try {
      DirectoryHttp.Answer group = get(org.resolve("/api/v1/groups/" + path(id)).toString());
      if (since == null) {
        since = now();
      }
      DirectoryHttp.Answer members = get(starting || at.members() == null ? membersUrl(id) : sameOrg(at.members()));
      entry = DirectoryEntry.group(new DirectoryGroup(id, group.json().path("profile").path("name").asText(null),
          memberIds(members), Set.of()));
      moreMembers = LinkHeader.next(members.headers()).map(this::sameOrg);
    } catch (DirectoryProviderException.NotFound gone) {
      entry = DirectoryEntry.removed(id);
      if (since == null) {
        since = now();
      }
    }
    if (moreMembers.isPresent()) {
      return page(List.of(entry), new OktaPosition(null, since, null, index, moreMembers.get(), changedAfter, null));
    } else if (index + 1 < ids.size()) {
      return page(List.of(entry), new OktaPosition(null, since, null, index + 1, null, changedAfter, null));
    }
    return endOfGroups(List.of(entry), since, changedAfter);
  }

  /**
   * The groups are read. A full pass ends here (its sweep removes memberships it did not see); an
   * incremental pass goes on to the System Log's membership events since the previous pass, the one
   * place Okta says who left a group.
   */
  private DirectoryPage<DirectoryGroup> endOfGroups(List<DirectoryEntry<DirectoryGroup>> entries, String since,
      String changedAfter) {
    if (changedAfter == null || !Instant.parse(since).isAfter(Instant.parse(changedAfter))) {
      return new DirectoryPage<>(entries, null, OktaPosition.resumeFrom(since).encode());
    }
    String log = org.resolve("/api/v1/logs") + "?since=" + query(changedAfter) + "&until=" + query(since)
        + "&sortOrder=ASCENDING&limit=" + LOG_PAGE + "&filter="
        + query("eventType eq \"" + MEMBER_ADDED + "\" or eventType eq \"" + MEMBER_REMOVED + "\"");
    return page(entries, new OktaPosition(null, since, null, null, null, changedAfter, log));
  }

  /**
   * One page of membership events, oldest first, as the net change per group: the last event of a
   * person in a group wins, so someone removed and added back stays a member. Later pages apply later.
   */
  private DirectoryPage<DirectoryGroup> readMembershipLog(OktaPosition at) {
    DirectoryHttp.Answer answer = get(sameOrg(at.log()));
    Map<String, Map<String, Boolean>> changes = new LinkedHashMap<>();
    for (JsonNode event : array(answer)) {
      String type = event.path("eventType").asText();
      String user = null;
      String group = null;
      for (JsonNode target : event.path("target")) {
        if ("User".equals(target.path("type").asText())) {
          user = target.path("id").asText(null);
        } else if ("UserGroup".equals(target.path("type").asText())) {
          group = target.path("id").asText(null);
        }
      }
      if (user != null && group != null && (MEMBER_ADDED.equals(type) || MEMBER_REMOVED.equals(type))) {
        changes.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(user, MEMBER_ADDED.equals(type));
      }
    }
    List<DirectoryEntry<DirectoryGroup>> entries = new ArrayList<>();
    changes.forEach((group, members) -> {
      Set<String> added = new LinkedHashSet<>();
      Set<String> removed = new LinkedHashSet<>();
      members.forEach((user, member) -> (member ? added : removed).add(user));
      entries.add(DirectoryEntry.group(new DirectoryGroup(group, null, added, removed)));
    });
    Optional<String> next = LinkHeader.next(answer.headers()).map(this::sameOrg);
    return next.isPresent()
        ? page(entries, new OktaPosition(null, at.since(), null, null, null, at.changedAfter(), next.get()))
        : new DirectoryPage<>(entries, null, OktaPosition.resumeFrom(at.since()).encode());
  }

  private static DirectoryPage<DirectoryGroup> page(List<DirectoryEntry<DirectoryGroup>> entries, OktaPosition next) {
    return new DirectoryPage<>(entries, next.encode(), null);
  }

  /** Okta's {@code q} parameter matches group names by prefix. */
  @Override
  public List<DirectoryGroup> findGroups(String namePrefix, int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    String url = org.resolve("/api/v1/groups") + "?limit=" + size
        + (namePrefix == null || namePrefix.isBlank() ? "" : "&q=" + query(namePrefix.strip()));
    List<DirectoryGroup> found = new ArrayList<>();
    for (JsonNode group : array(get(url))) {
      if (found.size() < size) {
        found.add(new DirectoryGroup(group.path("id").asText(), group.path("profile").path("name").asText(null), Set.of(), Set.of()));
      }
    }
    return found;
  }

  private String cachedSince;

  private JsonNode groupsPage(String listUrl) {
    if (!listUrl.equals(cachedListUrl)) {
      DirectoryHttp.Answer answer = get(listUrl);
      cachedGroups = array(answer);
      cachedGroupsNext = LinkHeader.next(answer.headers()).map(this::sameOrg);
      cachedListUrl = listUrl;
      cachedSince = now();
    }
    return cachedGroups;
  }

  private static Set<String> memberIds(DirectoryHttp.Answer members) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode user : array(members)) {
      ids.add(user.path("id").asText());
    }
    return ids;
  }

  /** A GET with the current credentials; after a 401 a service app gets a new access token once. */
  private DirectoryHttp.Answer get(String url) {
    try {
      return http.send(request(url), OktaErrors.INSTANCE);
    } catch (DirectoryProviderException.CredentialsRefused refused) {
      if (!signIn.renewable()) {
        throw refused;
      }
      signIn.renew();
      return http.send(request(url), OktaErrors.INSTANCE);
    }
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", signIn.authorization())
        .header("Accept", "application/json")
        .GET();
  }

  /**
   * Where the next incremental pass starts: when this one began, less the search index's lag (which
   * also covers the small skew between our NTP-synchronised clock and Okta's).
   */
  private String now() {
    return clock.instant().minus(SEARCH_LAG).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Paging links are followed only within the admin's org: a link elsewhere would carry our credential there. */
  private String sameOrg(String url) {
    URI uri = URI.create(url);
    if (!org.getScheme().equalsIgnoreCase(uri.getScheme()) || !org.getHost().equalsIgnoreCase(uri.getHost())
        || org.getPort() != uri.getPort()) {
      throw new DirectoryProviderException.ProviderError(0, "Okta sent a paging link outside the org " + org, null);
    }
    return url;
  }

  private String usersUrl() {
    return org.resolve("/api/v1/users") + "?limit=" + USERS_PAGE;
  }

  private String groupsUrl() {
    return org.resolve("/api/v1/groups") + "?limit=" + GROUPS_PAGE;
  }

  private String membersUrl(String groupId) {
    return org.resolve("/api/v1/groups/" + path(groupId) + "/users") + "?limit=" + MEMBERS_PAGE;
  }

  private static JsonNode array(DirectoryHttp.Answer answer) {
    JsonNode json = answer.json();
    if (!json.isArray()) {
      throw new DirectoryProviderException.ProviderError(answer.status(), "Okta answered with something other than a list", null);
    }
    return json;
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String path(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
