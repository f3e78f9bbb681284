package dev.scimlambda.directorysync.google;

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
import dev.scimlambda.directorysync.http.DirectoryEndpoints;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Google Workspace's Admin SDK Directory API: {@code users.list}, {@code groups.list} and {@code
 * members.list}, paged by {@code pageToken}. The API has no change feed, so every run is a full
 * pass ({@link DirectoryKind#incremental()} is false) and the engine skips the people whose content
 * hash did not change; deleted users are simply not listed any more.
 *
 * <p>Members are read with {@code includeDerivedMembership}, so a member of a nested group counts as
 * a member, as in Google's own group-based access; only members of type USER are people.
 */
public final class GoogleWorkspaceProvider implements DirectoryProvider {

  /** The API's maximum page sizes. */
  static final int USERS_PAGE = 500;
  static final int GROUPS_PAGE = 200;
  static final int MEMBERS_PAGE = 200;

  private final DirectoryCredentials.GoogleWorkspace credentials;
  private final URI api;
  private final DirectoryHttp http;
  private final GoogleSignIn signIn;
  /** The groups page being walked one group at a time, kept for this run so each group costs one request. */
  private String cachedGroupsToken = "\u0000";
  private JsonNode cachedGroups;
  private String cachedGroupsNext;

  public GoogleWorkspaceProvider(DirectoryCredentials.GoogleWorkspace credentials, DirectoryEndpoints endpoints,
      DirectoryHttp http, Clock clock) {
    this.credentials = credentials;
    this.api = endpoints.googleApi();
    this.http = http;
    this.signIn = new GoogleSignIn(credentials, endpoints.googleToken(), http, clock);
  }

  @Override
  public DirectoryKind kind() {
    return DirectoryKind.GOOGLE_WORKSPACE;
  }

  @Override
  public DirectoryPage<DirectoryUser> readUsers(DirectoryRead read) {
    GooglePosition at = GooglePosition.decode(read.position());
    JsonNode answer = get("/users?customer=" + encode(credentials.customerId()) + "&maxResults=" + USERS_PAGE
        + "&orderBy=email&projection=basic" + pageToken(at.page()));
    List<DirectoryEntry<DirectoryUser>> entries = new ArrayList<>();
    for (JsonNode user : answer.path("users")) {
      entries.add(GoogleUsers.entry(user));
    }
    String next = answer.path("nextPageToken").asText(null);
    return new DirectoryPage<>(entries, next == null ? null : new GooglePosition(next, null, null).encode(), null);
  }

  @Override
  public DirectoryPage<DirectoryGroup> readGroups(DirectoryRead read) {
    GooglePosition at = GooglePosition.decode(read.position());
    if (!read.selection().isAll()) {
      return readSelectedGroup(read, at);
    }
    String page = at.page();
    int index = at.index();
    JsonNode groups = groupsPage(page);
    while (index >= groups.size() && cachedGroupsNext != null) {
      page = cachedGroupsNext;
      groups = groupsPage(page);
      index = 0;
    }
    if (index >= groups.size()) {
      return new DirectoryPage<>(List.of(), null, null);
    }
    JsonNode group = groups.get(index);
    JsonNode members = members(group.path("id").asText(), at.members());
    String moreMembers = members.path("nextPageToken").asText(null);
    GooglePosition next = moreMembers != null ? new GooglePosition(page, index, moreMembers)
        : index + 1 < groups.size() ? new GooglePosition(page, index + 1, null)
        : cachedGroupsNext != null ? new GooglePosition(cachedGroupsNext, 0, null)
        : null;
    DirectoryGroup piece = new DirectoryGroup(group.path("id").asText(), group.path("name").asText(null), userIds(members), Set.of());
    return new DirectoryPage<>(List.of(DirectoryEntry.group(piece)), next == null ? null : next.encode(), null);
  }

  /** The Directory API's group search: {@code name:'<prefix>'*} matches names by prefix. */
  @Override
  public List<DirectoryGroup> findGroups(String namePrefix, int limit) {
    int size = Math.max(1, Math.min(limit, GROUPS_PAGE));
    String query = namePrefix == null || namePrefix.isBlank() ? ""
        : "&query=" + encode("name:'" + namePrefix.strip().replace("\\", "\\\\").replace("'", "\\'") + "'*");
    List<DirectoryGroup> found = new ArrayList<>();
    for (JsonNode group : get("/groups?customer=" + encode(credentials.customerId()) + "&maxResults=" + size + query).path("groups")) {
      found.add(new DirectoryGroup(group.path("id").asText(), group.path("name").asText(null), Set.of(), Set.of()));
    }
    return found;
  }

  /** A chosen list of groups, read by id in a fixed order; a group deleted in Google (404) arrives as a removal. */
  private DirectoryPage<DirectoryGroup> readSelectedGroup(DirectoryRead read, GooglePosition at) {
    List<String> ids = read.selection().groupIds().stream().sorted().toList();
    int index = at.index();
    if (index >= ids.size()) {
      return new DirectoryPage<>(List.of(), null, null);
    }
    String id = ids.get(index);
    DirectoryEntry<DirectoryGroup> entry;
    String moreMembers = null;
    try {
      JsonNode group = get("/groups/" + encode(id));
      JsonNode members = members(id, at.members());
      moreMembers = members.path("nextPageToken").asText(null);
      entry = DirectoryEntry.group(new DirectoryGroup(id, group.path("name").asText(null), userIds(members), Set.of()));
    } catch (DirectoryProviderException.NotFound gone) {
      entry = DirectoryEntry.removed(id);
    }
    GooglePosition next = moreMembers != null ? new GooglePosition(null, index, moreMembers)
        : index + 1 < ids.size() ? new GooglePosition(null, index + 1, null) : null;
    return new DirectoryPage<>(List.of(entry), next == null ? null : next.encode(), null);
  }

  private JsonNode groupsPage(String token) {
    String key = token == null ? "" : token;
    if (!key.equals(cachedGroupsToken)) {
      JsonNode answer = get("/groups?customer=" + encode(credentials.customerId()) + "&maxResults=" + GROUPS_PAGE + pageToken(token));
      cachedGroups = answer.path("groups");
      cachedGroupsNext = answer.path("nextPageToken").asText(null);
      cachedGroupsToken = key;
    }
    return cachedGroups;
  }

  private JsonNode members(String groupId, String token) {
    return get("/groups/" + encode(groupId) + "/members?maxResults=" + MEMBERS_PAGE + "&includeDerivedMembership=true"
        + pageToken(token));
  }

  private static Set<String> userIds(JsonNode members) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode member : members.path("members")) {
      if ("USER".equals(member.path("type").asText())) {
        ids.add(member.path("id").asText());
      }
    }
    return ids;
  }

  /** A GET with the run's access token; after a 401 (an expired token) a new one is fetched once. */
  private JsonNode get(String pathAndQuery) {
    URI url = URI.create(api + pathAndQuery);
    try {
      return send(url);
    } catch (DirectoryProviderException.CredentialsRefused refused) {
      signIn.renew();
      return send(url);
    }
  }

  private JsonNode send(URI url) {
    JsonNode json = http.send(HttpRequest.newBuilder(url)
        .header("Authorization", signIn.authorization())
        .header("Accept", "application/json")
        .GET(), GoogleErrors.INSTANCE).json();
    if (!json.isObject()) {
      throw new DirectoryProviderException.ProviderError(200, "Google answered with something other than an object", null);
    }
    return json;
  }

  private static String pageToken(String token) {
    return token == null ? "" : "&pageToken=" + encode(token);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
