package dev.scimlambda.directorysync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scimlambda.directorysync.DirectoryCredentials;
import dev.scimlambda.directorysync.DirectoryEntry;
import dev.scimlambda.directorysync.DirectoryGroup;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectoryPage;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.directorysync.DirectoryRead;
import dev.scimlambda.directorysync.DirectoryUser;
import dev.scimlambda.directorysync.GroupSelection;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.http.DirectoryEndpoints;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import dev.scimlambda.directorysync.stub.DirectoryStub;
import dev.scimlambda.directorysync.stub.DirectoryStub.Response;
import dev.scimlambda.directorysync.stub.Fixtures;
import dev.scimlambda.events.RetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Google Workspace provider against a stub of the Directory API and Google's token endpoint (fixtures in google/). */
class GoogleWorkspaceProviderTest {

  private static final Instant NOW = Instant.parse("2025-06-03T12:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String API = "/admin/directory/v1";

  private final DirectoryStub google = new DirectoryStub();
  private final List<Duration> waits = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final DirectoryHttp http = new DirectoryHttp(HttpClient.newHttpClient(),
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(5), Duration.ofSeconds(30),
      waits::add, clock);
  private RSAKey key;
  private final AtomicInteger tokens = new AtomicInteger();

  @BeforeEach
  void serveTokens() throws Exception {
    key = new RSAKeyGenerator(2048).generate();
    google.on("POST", "/token", r -> Response.json(
        Fixtures.read("google/token-response.json").replace("ya29.c.stub-access-token", "token-" + tokens.incrementAndGet())));
  }

  @AfterEach
  void stop() {
    google.close();
  }

  private GoogleWorkspaceProvider provider() {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKeyBytes())
        + "\n-----END PRIVATE KEY-----\n";
    ObjectNode keyFile = MAPPER.createObjectNode()
        .put("type", "service_account").put("project_id", "directory-sync").put("private_key_id", "key-1")
        .put("private_key", pem).put("client_email", "sync@directory-sync.iam.gserviceaccount.com")
        .put("client_id", "104857601234567890123").put("token_uri", "https://oauth2.googleapis.com/token");
    DirectoryEndpoints endpoints = new DirectoryEndpoints(URI.create("http://unused"), URI.create("http://unused"),
        URI.create(google.baseUrl() + "/token"), URI.create(google.baseUrl() + API), true);
    return new GoogleWorkspaceProvider(new DirectoryCredentials.GoogleWorkspace(keyFile.toString(), "admin@example.com", "my_customer"),
        endpoints, http, clock);
  }

  private byte[] privateKeyBytes() {
    try {
      return key.toPrivateKey().getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static DirectoryRead full(String position) {
    return new DirectoryRead(SyncKind.FULL, position, GroupSelection.all());
  }

  @Test
  void usersArePagedByPageTokenAndEveryPassIsFull() {
    google.on("GET", API + "/users", r -> r.query().contains("pageToken=")
        ? Response.json(Fixtures.read("google/users-page-2.json"))
        : Response.json(Fixtures.read("google/users-page-1.json")));
    GoogleWorkspaceProvider provider = provider();

    DirectoryPage<DirectoryUser> first = provider.readUsers(full(null));
    DirectoryPage<DirectoryUser> second = provider.readUsers(full(first.next()));

    assertThat(first.entries()).extracting(DirectoryEntry::providerId).containsExactly("114259384732598111001", "114259384732598111002");
    assertThat(second.entries()).extracting(DirectoryEntry::providerId).containsExactly("114259384732598111003");
    assertThat(second.last()).isTrue();
    assertThat(second.resumeFrom()).as("no incremental reads in Google's Directory API").isNull();
    assertThat(provider.kind().incremental()).isFalse();
    assertThat(query(google.requests(API + "/users").get(1))).contains("customer=my_customer", "maxResults=500",
        "pageToken=Q0FFU0pRb0RZV1JoRWg1bmNtRmpaVUJsZUdGdGNHeGxMbU52YlE");
    assertThat(google.requests("/token")).as("one access token for the run").hasSize(1);
  }

  @Test
  void aGoogleUserBecomesADirectoryUserAndASuspendedOneIsInactive() {
    google.on("GET", API + "/users", r -> r.query().contains("pageToken=")
        ? Response.json(Fixtures.read("google/users-page-2.json"))
        : Response.json(Fixtures.read("google/users-page-1.json")));
    GoogleWorkspaceProvider provider = provider();

    DirectoryUser liz = present(provider.readUsers(full(null)).entries().get(0));
    DirectoryUser alan = present(provider.readUsers(full(new GooglePosition("x", null, null).encode())).entries().get(0));

    assertThat(liz).isEqualTo(new DirectoryUser("114259384732598111001", "liz@example.com", "Elizabeth", "Smith",
        "Elizabeth Smith", List.of("liz@example.com"), true, "Design", "Head of Design", "+1 212 555 0101", null, null));
    assertThat(alan.active()).isFalse();
  }

  @Test
  void theServiceAccountActsAsTheAdminWithTheReadOnlyScopesAndGetsANewTokenAfterA401() throws Exception {
    google.on("GET", API + "/users", r -> "Bearer token-1".equals(r.header("Authorization"))
        ? Response.status(401, Fixtures.read("google/error-unauthenticated.json"))
        : Response.json(Fixtures.read("google/users-page-2.json")));

    DirectoryPage<DirectoryUser> page = provider().readUsers(full(null));

    assertThat(page.entries()).hasSize(1);
    assertThat(tokens).hasValue(2);
    Map<String, String> form = form(google.requests("/token").get(0).body());
    assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
    assertThat(assertion.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-1");
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("sync@directory-sync.iam.gserviceaccount.com");
    assertThat(claims.getSubject()).isEqualTo("admin@example.com");
    assertThat(claims.getAudience()).containsExactly(google.baseUrl() + "/token");
    assertThat(claims.getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/admin.directory.user.readonly "
        + "https://www.googleapis.com/auth/admin.directory.group.readonly "
        + "https://www.googleapis.com/auth/admin.directory.group.member.readonly");
  }

  @Test
  void delegationMissingForTheClientIsACredentialsRefusalInGooglesWords() {
    google.on("POST", "/token", r -> Response.status(401, Fixtures.read("google/error-unauthorized-client.json")));

    assertThatThrownBy(() -> provider().readUsers(full(null)))
        .isInstanceOfSatisfying(DirectoryProviderException.CredentialsRefused.class,
            e -> assertThat(e.providerMessage()).startsWith("unauthorized_client: Client is unauthorized"));
  }

  @Test
  void aUserRateLimit403IsAThrottleAndTheReadGoesOnAfterTheBackoff() {
    AtomicInteger calls = new AtomicInteger();
    google.on("GET", API + "/users", r -> calls.incrementAndGet() == 1
        ? Response.status(403, Fixtures.read("google/error-user-rate-limit.json"))
        : Response.json(Fixtures.read("google/users-page-2.json")));

    DirectoryPage<DirectoryUser> page = provider().readUsers(full(null));

    assertThat(page.entries()).hasSize(1);
    assertThat(waits).hasSize(1);
  }

  @Test
  void a429WithRetryAfterIsWaitedOut() {
    AtomicInteger calls = new AtomicInteger();
    google.on("GET", API + "/users", r -> calls.incrementAndGet() == 1
        ? Response.status(429, Fixtures.read("google/error-rate-limit-429.json"), "Retry-After", "12")
        : Response.json(Fixtures.read("google/users-page-2.json")));

    provider().readUsers(full(null));

    assertThat(waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void quotaErrorsThatOutlastTheRetriesAreReportedAsRateLimitedInGooglesWords() {
    google.on("GET", API + "/users", r -> Response.status(403, Fixtures.read("google/error-user-rate-limit.json")));

    assertThatThrownBy(() -> provider().readUsers(full(null)))
        .isInstanceOfSatisfying(DirectoryProviderException.RateLimited.class,
            e -> assertThat(e.providerMessage()).startsWith("Quota exceeded for quota metric 'Queries'").endsWith("(userRateLimitExceeded)"));
  }

  @Test
  void anAdminWithoutThePrivilegeIsACredentialsRefusalNotAThrottle() {
    google.on("GET", API + "/users", r -> Response.status(403, Fixtures.read("google/error-not-authorized.json")));

    assertThatThrownBy(() -> provider().readUsers(full(null)))
        .isInstanceOfSatisfying(DirectoryProviderException.CredentialsRefused.class,
            e -> assertThat(e.providerMessage()).isEqualTo("Not Authorized to access this resource/api (forbidden)"));
    assertThat(waits).isEmpty();
  }

  @Test
  void groupsArriveOneMembersPageAtATimeWithOnlyUsersAsMembersAndNestedMembershipIncluded() {
    serveGroups();

    List<DirectoryGroup> groups = readAllGroups(provider(), full(null));

    assertThat(groups).containsExactly(
        new DirectoryGroup("03x8tuzt3hqdv5v", "Design", Set.of("114259384732598111001"), Set.of()),
        new DirectoryGroup("03x8tuzt3hqdv5w", "Engineering", Set.of("114259384732598111002", "114259384732598111003"), Set.of()));
    assertThat(query(google.requests(API + "/groups/03x8tuzt3hqdv5w/members").get(0))).contains("includeDerivedMembership=true");
    assertThat(google.requests(API + "/groups")).as("the groups page is read once per run").hasSize(1);
  }

  @Test
  void aUserWhoMovedBetweenGroupsIsInTheNewGroupOnlyInTheNextPass() {
    serveGroups();
    List<DirectoryGroup> before = readAllGroups(provider(), full(null));
    google.on("GET", API + "/groups/03x8tuzt3hqdv5v/members", r -> Response.json(
        Fixtures.read("google/members-design.json").replace("114259384732598111001", "114259384732598111002")));
    google.on("GET", API + "/groups/03x8tuzt3hqdv5w/members", r -> Response.json(
        Fixtures.read("google/members-engineering.json").replace("114259384732598111002", "114259384732598111001")));

    List<DirectoryGroup> after = readAllGroups(provider(), full(null));

    assertThat(before.get(0).memberIds()).containsExactly("114259384732598111001");
    assertThat(after.get(0).memberIds()).containsExactly("114259384732598111002");
    assertThat(after.get(1).memberIds()).contains("114259384732598111001").doesNotContain("114259384732598111002");
  }

  @Test
  void chosenGroupsAreReadByIdAndOneDeletedInGoogleIsRemoved() throws Exception {
    serveGroups();
    String engineering = MAPPER.readTree(Fixtures.read("google/groups.json")).path("groups").get(1).toString();
    google.on("GET", API + "/groups/03x8tuzt3hqdv5w", r -> Response.json(engineering));
    google.on("GET", API + "/groups/03gone", r -> Response.status(404,
        "{\"error\":{\"code\":404,\"message\":\"Resource Not Found: groupKey\",\"errors\":[{\"message\":\"Resource Not Found: groupKey\",\"domain\":\"global\",\"reason\":\"notFound\"}]}}"));
    GroupSelection chosen = new GroupSelection(Set.of("03x8tuzt3hqdv5w", "03gone"));

    List<DirectoryEntry<DirectoryGroup>> entries = new ArrayList<>();
    String position = null;
    do {
      DirectoryPage<DirectoryGroup> page = provider().readGroups(new DirectoryRead(SyncKind.FULL, position, chosen));
      entries.addAll(page.entries());
      position = page.next();
    } while (position != null);

    assertThat(entries).containsExactly(
        DirectoryEntry.removed("03gone"),
        DirectoryEntry.group(new DirectoryGroup("03x8tuzt3hqdv5w", "Engineering", Set.of("114259384732598111002", "114259384732598111003"), Set.of())));
  }

  @Test
  void findGroupsSearchesNamesByPrefix() {
    google.on("GET", API + "/groups", r -> Response.json(Fixtures.read("google/groups.json")));

    List<DirectoryGroup> found = provider().findGroups("Eng", 20);

    assertThat(query(google.requests(API + "/groups").get(0))).contains("maxResults=20", "query=name:'Eng'*");
    assertThat(found).extracting(DirectoryGroup::displayName).containsExactly("Design", "Engineering");
  }

  @Test
  void tenThousandUsersOverTwentyPagesAreEachReadOnce() {
    int pages = 20;
    google.on("GET", API + "/users", r -> {
      int page = r.query().contains("pageToken=") ? Integer.parseInt(r.query().replaceAll(".*pageToken=p(\\d+).*", "$1")) : 0;
      return Response.json(generatedUsers(page, GoogleWorkspaceProvider.USERS_PAGE, page + 1 < pages ? "p" + (page + 1) : null));
    });

    Set<String> ids = new HashSet<>();
    int reads = 0;
    String position = null;
    do {
      DirectoryPage<DirectoryUser> page = provider().readUsers(full(position));
      page.entries().forEach(e -> ids.add(e.providerId()));
      position = page.next();
      reads++;
    } while (position != null);

    assertThat(ids).hasSize(10_000);
    assertThat(reads).isEqualTo(pages);
  }

  private void serveGroups() {
    google.on("GET", API + "/groups", r -> Response.json(Fixtures.read("google/groups.json")));
    google.on("GET", API + "/groups/03x8tuzt3hqdv5v/members", r -> Response.json(Fixtures.read("google/members-design.json")));
    google.on("GET", API + "/groups/03x8tuzt3hqdv5w/members", r -> Response.json(Fixtures.read("google/members-engineering.json")));
  }

  private static List<DirectoryGroup> readAllGroups(GoogleWorkspaceProvider provider, DirectoryRead start) {
    List<DirectoryGroup> groups = new ArrayList<>();
    DirectoryRead read = start;
    while (true) {
      DirectoryPage<DirectoryGroup> page = provider.readGroups(read);
      page.entries().forEach(e -> groups.add(present(e)));
      if (page.last()) {
        return groups;
      }
      read = new DirectoryRead(start.kind(), page.next(), start.selection());
    }
  }

  private static <T> T present(DirectoryEntry<T> entry) {
    return ((DirectoryEntry.Present<T>) entry).record();
  }

  private static String generatedUsers(int page, int count, String nextToken) {
    try {
      JsonNode fixture = MAPPER.readTree(Fixtures.read("google/users-page-1.json"));
      ObjectNode body = MAPPER.createObjectNode().put("kind", "admin#directory#users").put("etag", "\"page-" + page + "\"");
      ArrayNode users = body.putArray("users");
      for (int i = page * count; i < (page + 1) * count; i++) {
        ObjectNode user = (ObjectNode) fixture.path("users").get(1).deepCopy();
        user.put("id", "1142593847" + i).put("primaryEmail", "person" + i + "@example.com").put("etag", "\"u" + i + "\"");
        users.add(user);
      }
      if (nextToken != null) {
        body.put("nextPageToken", nextToken);
      }
      return body.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String query(DirectoryStub.Request request) {
    return URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    return java.util.Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
