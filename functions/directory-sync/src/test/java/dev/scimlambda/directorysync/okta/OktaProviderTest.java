package dev.scimlambda.directorysync.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.scimlambda.directorysync.DirectoryCredentials;
import dev.scimlambda.directorysync.DirectoryEntry;
import dev.scimlambda.directorysync.DirectoryGroup;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Okta provider against a stub serving the Management API's documented shapes (fixtures in okta/). */
class OktaProviderTest {

  private static final Instant NOW = Instant.parse("2025-06-03T12:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DirectoryStub okta = new DirectoryStub();
  private final List<Duration> waits = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final DirectoryHttp http = new DirectoryHttp(HttpClient.newHttpClient(),
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(5), Duration.ofSeconds(30),
      waits::add, clock);
  private final DirectoryEndpoints endpoints = new DirectoryEndpoints(URI.create("http://unused"), URI.create("http://unused"),
      URI.create("http://unused"), URI.create("http://unused"), true);

  @AfterEach
  void stop() {
    okta.close();
  }

  private OktaProvider withApiToken() {
    return new OktaProvider(new DirectoryCredentials.Okta(okta.baseUrl(), "00a-api-token", null, null), endpoints, http, clock);
  }

  private static DirectoryRead full(String position) {
    return new DirectoryRead(SyncKind.FULL, position, GroupSelection.all());
  }

  private String link(String pathAndQuery, String rel) {
    return "<" + okta.baseUrl() + pathAndQuery + ">; rel=\"" + rel + "\"";
  }

  @Test
  void aFullPassReadsEveryPageByLinkNextAndEndsWithWhereTheNextIncrementalPassStarts() {
    okta.on("GET", "/api/v1/users", r -> r.query().contains("after=00u1f96ECLNVOKVMUSEB")
        ? Response.json(Fixtures.read("okta/users-page-2.json"), "Link", link("/api/v1/users?after=00u1f96ECLNVOKVMUSEB&limit=200", "self"))
        : Response.json(Fixtures.read("okta/users-page-1.json"),
            "Link", link("/api/v1/users?limit=200", "self"), "Link", link("/api/v1/users?after=00u1f96ECLNVOKVMUSEB&limit=200", "next")));
    OktaProvider provider = withApiToken();

    DirectoryPage<DirectoryUser> first = provider.readUsers(full(null));
    DirectoryPage<DirectoryUser> second = provider.readUsers(full(first.next()));

    assertThat(first.entries()).extracting(DirectoryEntry::providerId).containsExactly("00u1f96ECLNVOKVMUSEA", "00u1f96ECLNVOKVMUSEB");
    assertThat(second.entries()).extracting(DirectoryEntry::providerId).containsExactly("00u1f96ECLNVOKVMUSEC");
    assertThat(second.last()).isTrue();
    assertThat(startOfNextPass(second.resumeFrom())).as("when the pass began, less the search lag")
        .isEqualTo(NOW.minus(OktaProvider.SEARCH_LAG));
    assertThat(okta.requests("/api/v1/users")).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("SSWS 00a-api-token"));
  }

  @Test
  void anOktaUserBecomesADirectoryUserWithProfileFields() {
    okta.on("GET", "/api/v1/users", r -> Response.json(Fixtures.read("okta/users-page-1.json")));

    DirectoryUser isaac = ((DirectoryEntry.Present<DirectoryUser>) withApiToken().readUsers(full(null)).entries().get(0)).record();

    assertThat(isaac).isEqualTo(new DirectoryUser("00u1f96ECLNVOKVMUSEA", "isaac.brock@example.com", "Isaac", "Brock",
        "Isaac Brock", List.of("isaac.brock@example.com"), true, "Engineering", "Staff Engineer", "+1-555-415-1337",
        "00u1f96ECLNVOKVMUSEB", null));
  }

  @Test
  void anIncrementalPassSearchesLastUpdatedAndReadsDeprovisionedAsRemovedAndSuspendedAsInactive() {
    okta.on("GET", "/api/v1/users", r -> Response.json(Fixtures.read("okta/users-changed.json")));
    String resumeFrom = OktaPosition.resumeFrom("2025-06-01T09:08:00Z").encode();

    DirectoryPage<DirectoryUser> changes = withApiToken().readUsers(new DirectoryRead(SyncKind.INCREMENTAL, resumeFrom, GroupSelection.all()));

    assertThat(decodedQuery(okta.requests("/api/v1/users").get(0).uri())).contains("search=lastUpdated gt \"2025-06-01T09:08:00Z\"");
    assertThat(changes.entries().get(0)).isInstanceOf(DirectoryEntry.Present.class);
    assertThat(((DirectoryEntry.Present<DirectoryUser>) changes.entries().get(1)).record().active()).isFalse();
    assertThat(changes.entries().get(2)).isEqualTo(DirectoryEntry.removed("00u1f96ECLNVOKVMUSEC"));
    assertThat(startOfNextPass(changes.resumeFrom())).isEqualTo(NOW.minus(OktaProvider.SEARCH_LAG));
  }

  @Test
  void a429IsWaitedOutUntilXRateLimitResetAndTheReadGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    okta.on("GET", "/api/v1/users", r -> calls.incrementAndGet() == 1
        ? Response.status(429, Fixtures.read("okta/error-rate-limit.json"), "X-Rate-Limit-Limit", "600",
            "X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 7))
        : Response.json(Fixtures.read("okta/users-page-2.json")));

    DirectoryPage<DirectoryUser> page = withApiToken().readUsers(full(null));

    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(page.entries()).hasSize(1);
  }

  @Test
  void aRateLimitLongerThanARunWaitsIsReportedWithOktasWordsAndTheWait() {
    okta.on("GET", "/api/v1/users", r -> Response.status(429, Fixtures.read("okta/error-rate-limit.json"),
        "X-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 600)));

    assertThatThrownBy(() -> withApiToken().readUsers(full(null)))
        .isInstanceOfSatisfying(DirectoryProviderException.RateLimited.class, e -> {
          assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
          assertThat(e.providerMessage()).isEqualTo("API call exceeded rate limit due to too many requests. (E0000047)");
        });
  }

  @Test
  void aRefusedApiTokenFailsWithOktasWords() {
    okta.on("GET", "/api/v1/users", r -> Response.status(401, Fixtures.read("okta/error-invalid-token.json")));

    assertThatThrownBy(() -> withApiToken().readUsers(full(null)))
        .isInstanceOfSatisfying(DirectoryProviderException.CredentialsRefused.class,
            e -> assertThat(e.providerMessage()).isEqualTo("Invalid token provided (E0000011)"));
    assertThat(okta.requests("/api/v1/users")).hasSize(1);
  }

  @Test
  void aServiceAppSignsAClientAssertionAndGetsANewAccessTokenWhenTheFirstHasExpired() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("okta-key-1").generate();
    AtomicInteger tokens = new AtomicInteger();
    okta.on("POST", "/oauth2/v1/token", r -> Response.json(
        Fixtures.read("okta/token-response.json").replaceFirst("\"access_token\": \"[^\"]+\"", "\"access_token\": \"token-" + tokens.incrementAndGet() + "\"")));
    okta.on("GET", "/api/v1/users", r -> "Bearer token-1".equals(r.header("Authorization"))
        ? Response.status(401, Fixtures.read("okta/error-invalid-token.json"))
        : Response.json(Fixtures.read("okta/users-page-2.json")));
    OktaProvider provider = new OktaProvider(
        new DirectoryCredentials.Okta(okta.baseUrl(), null, "0oa-service-app", key.toJSONString()), endpoints, http, clock);

    DirectoryPage<DirectoryUser> page = provider.readUsers(full(null));

    assertThat(page.entries()).hasSize(1);
    assertThat(tokens).hasValue(2);
    Map<String, String> form = form(okta.requests("/oauth2/v1/token").get(0).body());
    assertThat(form).containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "okta.users.read okta.groups.read okta.logs.read")
        .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    assertThat(assertion.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("okta-key-1");
    assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("0oa-service-app");
    assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("0oa-service-app");
    assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(okta.baseUrl() + "/oauth2/v1/token");
  }

  @Test
  void aServiceAppKeyGivenAsPemSignsToo() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).generate();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.toPrivateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    okta.on("POST", "/oauth2/v1/token", r -> Response.json(Fixtures.read("okta/token-response.json")));
    okta.on("GET", "/api/v1/users", r -> Response.json("[]"));

    new OktaProvider(new DirectoryCredentials.Okta(okta.baseUrl(), null, "0oa-service-app", pem), endpoints, http, clock)
        .readUsers(full(null));

    SignedJWT assertion = SignedJWT.parse(form(okta.requests("/oauth2/v1/token").get(0).body()).get("client_assertion"));
    assertThat(assertion.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
  }

  @Test
  void aTokenEndpointRefusingTheAssertionIsACredentialsRefusalInOktasWords() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).generate();
    okta.on("POST", "/oauth2/v1/token", r -> Response.status(401, Fixtures.read("okta/error-invalid-client.json")));

    assertThatThrownBy(() -> new OktaProvider(new DirectoryCredentials.Okta(okta.baseUrl(), null, "0oa-x", key.toJSONString()),
        endpoints, http, clock).readUsers(full(null)))
        .isInstanceOfSatisfying(DirectoryProviderException.CredentialsRefused.class,
            e -> assertThat(e.providerMessage()).isEqualTo("invalid_client: The client_assertion signature is invalid."));
  }

  @Test
  void aPagingLinkToAnotherHostIsNotFollowed() {
    okta.on("GET", "/api/v1/users", r -> Response.json(Fixtures.read("okta/users-page-1.json"),
        "Link", "<https://attacker.example/api/v1/users?after=x>; rel=\"next\""));

    assertThatThrownBy(() -> withApiToken().readUsers(full(null)))
        .isInstanceOf(DirectoryProviderException.ProviderError.class)
        .hasMessageContaining("outside the org");
  }

  @Test
  void groupsArriveOneMembersPageAtATimeWithTheirNames() {
    serveGroups(Map.of("00g1emaKYZTWRYYRRTSK", "okta/group-engineering-users.json", "00g1emaKYZTWRYYRRTSL", "okta/group-sales-users.json"));

    List<DirectoryGroup> groups = readAllGroups(withApiToken(), full(null));

    assertThat(groups).containsExactly(
        new DirectoryGroup("00g1emaKYZTWRYYRRTSK", "Engineering", Set.of("00u1f96ECLNVOKVMUSEA", "00u1f96ECLNVOKVMUSEB"), Set.of()),
        new DirectoryGroup("00g1emaKYZTWRYYRRTSL", "Sales", Set.of("00u1f96ECLNVOKVMUSEC"), Set.of()));
    assertThat(okta.requests("/api/v1/groups")).as("the groups page is read once per run").hasSize(1);
  }

  @Test
  void aUserWhoMovedBetweenGroupsIsInTheNewGroupOnlyInTheNextFullPass() {
    serveGroups(Map.of("00g1emaKYZTWRYYRRTSK", "okta/group-engineering-users.json", "00g1emaKYZTWRYYRRTSL", "okta/group-sales-users.json"));
    List<DirectoryGroup> before = readAllGroups(withApiToken(), full(null));
    okta.on("GET", "/api/v1/groups/00g1emaKYZTWRYYRRTSK/users", r -> Response.json(membersOf("00u1f96ECLNVOKVMUSEB")));
    okta.on("GET", "/api/v1/groups/00g1emaKYZTWRYYRRTSL/users", r -> Response.json(membersOf("00u1f96ECLNVOKVMUSEA", "00u1f96ECLNVOKVMUSEC")));

    List<DirectoryGroup> after = readAllGroups(withApiToken(), full(null));

    assertThat(before.get(0).memberIds()).contains("00u1f96ECLNVOKVMUSEA");
    assertThat(after.get(0).memberIds()).containsExactly("00u1f96ECLNVOKVMUSEB");
    assertThat(after.get(1).memberIds()).contains("00u1f96ECLNVOKVMUSEA");
  }

  @Test
  void anIncrementalPassReadsOnlyGroupsWhoseMembersOrNameChanged() {
    serveGroups(Map.of("00g1emaKYZTWRYYRRTSK", "okta/group-engineering-users.json", "00g1emaKYZTWRYYRRTSL", "okta/group-sales-users.json"));
    okta.on("GET", "/api/v1/logs", r -> Response.json("[]"));
    String resumeFrom = OktaPosition.resumeFrom("2025-06-01T09:08:00Z").encode();

    readAllGroups(withApiToken(), new DirectoryRead(SyncKind.INCREMENTAL, resumeFrom, GroupSelection.all()));

    assertThat(decodedQuery(okta.requests("/api/v1/groups").get(0).uri()))
        .contains("search=lastUpdated gt \"2025-06-01T09:08:00Z\" or lastMembershipUpdated gt \"2025-06-01T09:08:00Z\"");
  }

  @Test
  void anIncrementalPassEndsWithTheSystemLogsMembershipEventsSoLeaversAreTakenOff() {
    okta.on("GET", "/api/v1/groups", r -> Response.json("[]"));
    okta.on("GET", "/api/v1/logs", r -> Response.json(Fixtures.read("okta/logs-membership.json")));
    String resumeFrom = OktaPosition.resumeFrom("2025-06-01T09:08:00Z").encode();

    List<DirectoryGroup> changes = readAllGroups(withApiToken(), new DirectoryRead(SyncKind.INCREMENTAL, resumeFrom, GroupSelection.all()));

    assertThat(changes).containsExactly(
        new DirectoryGroup("00g1emaKYZTWRYYRRTSK", null, Set.of("00u1f96ECLNVOKVMUSEB"), Set.of("00u1f96ECLNVOKVMUSEA")),
        new DirectoryGroup("00g1emaKYZTWRYYRRTSL", null, Set.of("00u1f96ECLNVOKVMUSEA"), Set.of()));
    String query = decodedQuery(okta.requests("/api/v1/logs").get(0).uri());
    assertThat(query).contains("since=2025-06-01T09:08:00Z", "sortOrder=ASCENDING",
        "filter=eventType eq \"group.user_membership.add\" or eventType eq \"group.user_membership.remove\"");
    Instant until = Instant.parse(query.substring(query.indexOf("until=") + 6, query.indexOf('&', query.indexOf("until="))));
    assertThat(until).as("bounded, so Okta's log does not poll forever").isEqualTo(NOW.minus(OktaProvider.SEARCH_LAG));
  }

  @Test
  void aFullPassDoesNotReadTheSystemLog() {
    serveGroups(Map.of("00g1emaKYZTWRYYRRTSK", "okta/group-engineering-users.json", "00g1emaKYZTWRYYRRTSL", "okta/group-sales-users.json"));

    readAllGroups(withApiToken(), full(null));

    assertThat(okta.requests("/api/v1/logs")).isEmpty();
  }

  @Test
  void chosenGroupsAreReadByIdAndOneDeletedInOktaIsRemoved() {
    serveGroups(Map.of("00g1emaKYZTWRYYRRTSK", "okta/group-engineering-users.json"));
    okta.on("GET", "/api/v1/groups/00g1emaKYZTWRYYRRTSK", r -> Response.json(MAPPER.valueToTree(
        json(Fixtures.read("okta/groups.json")).get(0)).toString()));
    GroupSelection chosen = new GroupSelection(Set.of("00g1emaKYZTWRYYRRTSK", "00gDELETED"));

    List<DirectoryEntry<DirectoryGroup>> entries = new ArrayList<>();
    String position = null;
    do {
      DirectoryPage<DirectoryGroup> page = withApiToken().readGroups(new DirectoryRead(SyncKind.FULL, position, chosen));
      entries.addAll(page.entries());
      position = page.next();
    } while (position != null);

    assertThat(entries).containsExactly(
        DirectoryEntry.group(new DirectoryGroup("00g1emaKYZTWRYYRRTSK", "Engineering", Set.of("00u1f96ECLNVOKVMUSEA", "00u1f96ECLNVOKVMUSEB"), Set.of())),
        DirectoryEntry.removed("00gDELETED"));
    assertThat(okta.requests("/api/v1/groups")).as("no listing of every group").isEmpty();
  }

  @Test
  void findGroupsAsksOktaForNamesStartingWithThePrefix() {
    okta.on("GET", "/api/v1/groups", r -> Response.json(Fixtures.read("okta/groups.json")));

    List<DirectoryGroup> found = withApiToken().findGroups("Eng", 20);

    assertThat(decodedQuery(okta.requests("/api/v1/groups").get(0).uri())).isEqualTo("limit=20&q=Eng");
    assertThat(found).extracting(DirectoryGroup::displayName).containsExactly("Engineering", "Sales");
  }

  @Test
  void tenThousandUsersOverFiftyPagesAreEachReadOnce() {
    int pages = 50;
    okta.on("GET", "/api/v1/users", r -> {
      int page = r.query().contains("after=") ? Integer.parseInt(r.query().replaceAll(".*after=p(\\d+).*", "$1")) : 0;
      String body = generatedUsers(page * OktaProvider.USERS_PAGE, OktaProvider.USERS_PAGE);
      return page + 1 < pages
          ? Response.json(body, "Link", link("/api/v1/users?after=p" + (page + 1) + "&limit=200", "next"))
          : Response.json(body);
    });
    OktaProvider provider = withApiToken();

    Set<String> ids = new HashSet<>();
    int reads = 0;
    String position = null;
    do {
      DirectoryPage<DirectoryUser> page = withApiToken().readUsers(full(position));
      page.entries().forEach(e -> ids.add(e.providerId()));
      position = page.next();
      reads++;
    } while (position != null);

    assertThat(ids).hasSize(10_000);
    assertThat(reads).isEqualTo(pages);
    assertThat(provider.kind().incremental()).isTrue();
  }

  private void serveGroups(Map<String, String> membersFixture) {
    okta.on("GET", "/api/v1/groups", r -> Response.json(Fixtures.read("okta/groups.json")));
    membersFixture.forEach((id, fixture) ->
        okta.on("GET", "/api/v1/groups/" + id + "/users", r -> Response.json(Fixtures.read(fixture))));
  }

  private static List<DirectoryGroup> readAllGroups(OktaProvider provider, DirectoryRead start) {
    List<DirectoryGroup> groups = new ArrayList<>();
    String position = start.position();
    DirectoryRead read = start;
    while (true) {
      DirectoryPage<DirectoryGroup> page = provider.readGroups(read);
      page.entries().forEach(e -> groups.add(((DirectoryEntry.Present<DirectoryGroup>) e).record()));
      if (page.last()) {
        return groups;
      }
      position = page.next();
      read = new DirectoryRead(start.kind(), position, start.selection());
    }
  }

  /** A group's members page: the fixture users with these ids. */
  private static String membersOf(String... ids) {
    ArrayNode members = MAPPER.createArrayNode();
    for (String fixture : List.of("okta/users-page-1.json", "okta/users-page-2.json")) {
      json(Fixtures.read(fixture)).forEach(u -> {
        if (List.of(ids).contains(u.path("id").asText())) {
          members.add(u);
        }
      });
    }
    return members.toString();
  }

  private static String generatedUsers(int from, int count) {
    ArrayNode users = MAPPER.createArrayNode();
    ObjectNode template = (ObjectNode) json(Fixtures.read("okta/users-page-2.json")).get(0);
    for (int i = from; i < from + count; i++) {
      ObjectNode user = template.deepCopy();
      user.put("id", "00u" + i);
      ((ObjectNode) user.get("profile")).put("login", "person" + i + "@example.com").put("email", "person" + i + "@example.com");
      users.add(user);
    }
    return users.toString();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant startOfNextPass(String resumeFrom) {
    return Instant.parse(OktaPosition.decode(resumeFrom).from());
  }

  private static String decodedQuery(URI uri) {
    return URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    return java.util.Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
