package dev.scimlambda.directorysync.graph;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Microsoft Entra ID through Microsoft Graph v1.0: the client-credentials token of an app
 * registration, then delta queries ({@code /users/delta}, {@code /groups/delta}) whose
 * {@code @odata.nextLink} and {@code @odata.deltaLink} are the positions, {@code @removed} entries
 * the removals, and a group's {@code members@delta} its member changes.
 */
public final class GraphDirectory implements DirectoryProvider {

  static final String USER_FIELDS = "id,userPrincipalName,givenName,surname,displayName,mail,otherMails,"
      + "accountEnabled,department,jobTitle,mobilePhone,businessPhones,employeeId";
  private static final String USER_TYPE = "#microsoft.graph.user";
  /** Graph's largest page for users and groups delta. */
  private static final int PAGE_SIZE = 999;

  private final DirectoryCredentials.MicrosoftGraph credentials;
  private final DirectoryEndpoints endpoints;
  private final DirectoryHttp http;
  private final Clock clock;
  private String token;
  private Instant tokenExpiresAt = Instant.MIN;

  public GraphDirectory(DirectoryCredentials.MicrosoftGraph credentials, DirectoryEndpoints endpoints,
      DirectoryHttp http, Clock clock) {
    this.credentials = credentials;
    this.endpoints = endpoints;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public DirectoryKind kind() {
    return DirectoryKind.MICROSOFT_GRAPH;
  }

  @Override
  public DirectoryPage<DirectoryUser> readUsers(DirectoryRead read) {
    URI uri = read.position() == null
        ? URI.create(endpoints.graphApi() + "/users/delta?$select=" + USER_FIELDS)
        : followable(read.position());
    JsonNode page = get(uri);
    List<DirectoryEntry<DirectoryUser>> entries = new ArrayList<>();
    for (JsonNode item : page.path("value")) {
      String id = item.path("id").asText(null);
      if (id == null) {
        continue;
      }
      if (item.has("@removed")) {
        entries.add(DirectoryEntry.removed(id));
      } else if (item.hasNonNull("userPrincipalName")) {
        entries.add(DirectoryEntry.user(user(item)));
      } else {
        // An incremental page names a changed user with at least the changed properties only.
        entries.add(DirectoryEntry.user(user(get(URI.create(endpoints.graphApi() + "/users/" + encode(id)
            + "?$select=" + USER_FIELDS)))));
      }
    }
    return page(page, entries);
  }

  @Override
  public DirectoryPage<DirectoryGroup> readGroups(DirectoryRead read) {
    URI uri;
    if (read.position() != null) {
      uri = followable(read.position());
    } else {
      String filter = read.selection().isAll() ? "" : "&$filter=" + encode(read.selection().groupIds().stream()
          .sorted().map(id -> "id eq '" + id.replace("'", "''") + "'").collect(Collectors.joining(" or ")));
      uri = URI.create(endpoints.graphApi() + "/groups/delta?$select=id,displayName,members" + filter);
    }
    JsonNode page = get(uri);
    List<DirectoryEntry<DirectoryGroup>> entries = new ArrayList<>();
    for (JsonNode item : page.path("value")) {
      String id = item.path("id").asText(null);
      if (id == null) {
        continue;
      }
      if (item.has("@removed")) {
        entries.add(DirectoryEntry.removed(id));
        continue;
      }
      Set<String> members = new LinkedHashSet<>();
      Set<String> removed = new HashSet<>();
      for (JsonNode member : item.path("members@delta")) {
        // Nested groups and devices are not people; only users become members here.
        if (!USER_TYPE.equals(member.path("@odata.type").asText(USER_TYPE)) || !member.hasNonNull("id")) {
          continue;
        }
        (member.has("@removed") ? removed : members).add(member.get("id").asText());
      }
      entries.add(DirectoryEntry.group(new DirectoryGroup(id, item.path("displayName").asText(null), members,
          removed)));
    }
    return page(page, entries);
  }

  @Override
  public List<DirectoryGroup> findGroups(String namePrefix, int limit) {
    String filter = namePrefix.isBlank() ? ""
        : "&$filter=" + encode("startswith(displayName,'" + namePrefix.replace("'", "''") + "')");
    JsonNode page = get(URI.create(endpoints.graphApi() + "/groups?$select=id,displayName&$top="
        + Math.min(limit, 100) + filter));
    List<DirectoryGroup> groups = new ArrayList<>();
    for (JsonNode item : page.path("value")) {
      if (item.hasNonNull("id")) {
        groups.add(new DirectoryGroup(item.get("id").asText(), item.path("displayName").asText(null), Set.of(),
            Set.of()));
      }
    }
    return groups;
  }

  private static <T> DirectoryPage<T> page(JsonNode page, List<DirectoryEntry<T>> entries) {
    String next = page.path("@odata.nextLink").asText(null);
    return new DirectoryPage<>(entries, next, next == null ? page.path("@odata.deltaLink").asText(null) : null);
  }

  static DirectoryUser user(JsonNode item) {
    List<String> emails = new ArrayList<>();
    if (item.hasNonNull("mail")) {
      emails.add(item.get("mail").asText());
    }
    for (JsonNode other : item.path("otherMails")) {
      if (!emails.contains(other.asText())) {
        emails.add(other.asText());
      }
    }
    String phone = item.hasNonNull("mobilePhone") ? item.get("mobilePhone").asText()
        : item.path("businessPhones").path(0).asText(null);
    return new DirectoryUser(
        item.get("id").asText(),
        item.get("userPrincipalName").asText(),
        text(item, "givenName"),
        text(item, "surname"),
        text(item, "displayName"),
        emails,
        item.path("accountEnabled").asBoolean(true),
        text(item, "department"),
        text(item, "jobTitle"),
        phone,
        null,
        text(item, "employeeId"));
  }

  private static String text(JsonNode item, String field) {
    return item.hasNonNull(field) ? item.get(field).asText() : null;
  }

  /** A position is a link Graph gave us; only links to the configured Graph endpoint are followed. */
  private URI followable(String link) {
    if (!link.startsWith(endpoints.graphApi() + "/")) {
      throw new DirectoryProviderException.ProviderError(0, "a stored position does not point at Microsoft Graph", null);
    }
    return URI.create(link);
  }

  /** A GET with the token; a refused token is renewed once (it may have expired mid-run). */
  private JsonNode get(URI uri) {
    try {
      return http.send(request(uri), GraphErrors.API).json();
    } catch (DirectoryProviderException.CredentialsRefused expired) {
      tokenExpiresAt = Instant.MIN;
      return http.send(request(uri), GraphErrors.API).json();
    }
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).GET()
        .header("Authorization", "Bearer " + token())
        .header("Accept", "application/json")
        .header("Prefer", "odata.maxpagesize=" + PAGE_SIZE);
  }

  private String token() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(tokenExpiresAt)) {
      String form = "client_id=" + encode(credentials.clientId())
          + "&client_secret=" + encode(credentials.clientSecret())
          + "&scope=" + encode("https://graph.microsoft.com/.default")
          + "&grant_type=client_credentials";
      URI uri = URI.create(endpoints.graphLogin() + "/" + encode(credentials.tenantId()) + "/oauth2/v2.0/token");
      JsonNode answer = http.send(HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)), GraphErrors.TOKEN).json();
      token = answer.path("access_token").asText(null);
      if (token == null) {
        throw new DirectoryProviderException.CredentialsRefused("Microsoft identity platform issued no access token");
      }
      // Renewed a minute early, so a token never expires between our check and Graph's.
      tokenExpiresAt = now.plusSeconds(Math.max(60, answer.path("expires_in").asLong(3600)) - 60);
    }
    return token;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
