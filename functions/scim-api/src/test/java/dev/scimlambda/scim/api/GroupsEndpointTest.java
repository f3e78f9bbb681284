package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

class GroupsEndpointTest extends ScimTestConnections {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  static String groupJson(String displayName, String... memberIds) {
    String members = java.util.Arrays.stream(memberIds).map(id -> "{\"value\":\"" + id + "\"}")
        .collect(Collectors.joining(","));
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName
        + "\",\"members\":[" + members + "]}";
  }

  static String createGroup(IssuedConnection connection, String json) {
    ApiResult created = call(connection, "POST", "/Groups", json);
    if (created.status() != 201) {
      throw new AssertionError("create failed: " + created);
    }
    return created.json().get("id").asText();
  }

  static String operations(String... operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  static String addMembers(String... ids) {
    String members = java.util.Arrays.stream(ids).map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
    return "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + members + "]}";
  }

  static Set<String> memberIds(IssuedConnection connection, String groupId) {
    ApiResult result = call(connection, "GET", "/Groups/" + groupId, null);
    assertThat(result.status()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    result.json().path("members").forEach(m -> ids.add(m.get("value").asText()));
    return ids;
  }

  /** The count kept on the group item, which member changes adjust without reading the group's members. */
  private static long memberCount(IssuedConnection connection, String groupId) {
    return stack.context().getBean(GroupStore.class).find(connection.connection().id(), groupId).orElseThrow().memberCount();
  }

  private static List<String> users(IssuedConnection connection, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(createUser(connection, userJson("user" + i + "@example.com")));
    }
    return ids;
  }

  @Test
  void createWithMembersAnswers201AndReadsBackWithTheMembers() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 2);
    ApiResult created = call(connection, "POST", "/Groups", groupJson("Marketing", users.get(0), users.get(1)));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
    JsonNode group = created.json();
    assertThat(group.get("meta").get("resourceType").asText()).isEqualTo("Group");
    assertThat(group.get("members")).hasSize(2);
    String id = group.get("id").asText();
    JsonNode read = call(connection, "GET", "/Groups/" + id, null).json();
    assertThat(read.get("displayName").asText()).isEqualTo("Marketing");
    JsonNode member = read.get("members").get(0);
    assertThat(member.get("type").asText()).isEqualTo("User");
    assertThat(member.get("display").asText()).startsWith("user");
    assertThat(member.get("$ref").asText()).endsWith("/Users/" + member.get("value").asText());
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrderElementsOf(users);
  }

  @Test
  void anUnknownMemberIs400InvalidValue() {
    IssuedConnection connection = newConnection();
    ApiResult result = call(connection, "POST", "/Groups", groupJson("Marketing", "no-such-user"));
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("scimType").asText()).isEqualTo("invalidValue");
    String id = createGroup(connection, groupJson("Sales"));
    ApiResult patched = call(connection, "PATCH", "/Groups/" + id, operations(addMembers("no-such-user")));
    assertThat(patched.status()).isEqualTo(400);
  }

  @Test
  void aUserOfAnotherConnectionIsNoMember() {
    String foreign = createUser(newConnection(), userJson("ada"));
    assertThat(call(newConnection(), "POST", "/Groups", groupJson("Marketing", foreign)).status()).isEqualTo(400);
  }

  @Test
  void displayNameIsUniqueCaseInsensitively() {
    IssuedConnection connection = newConnection();
    createGroup(connection, groupJson("Marketing"));
    ApiResult again = call(connection, "POST", "/Groups", groupJson(" marketing "));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("scimType").asText()).isEqualTo("uniqueness");
  }

  @Test
  void excludedAttributesMembersLeavesTheMembersOut() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 2);
    String id = createGroup(connection, groupJson("Marketing", users.toArray(String[]::new)));
    JsonNode without = call(connection, "GET", "/Groups/" + id + "?excludedAttributes=members", null).json();
    assertThat(without.has("members")).isFalse();
    assertThat(without.get("displayName").asText()).isEqualTo("Marketing");
    JsonNode with = call(connection, "GET", "/Groups/" + id, null).json();
    assertThat(with.get("members")).hasSize(2);
    JsonNode list = call(connection, "GET", "/Groups?excludedAttributes=members", null).json();
    assertThat(list.get("totalResults").asInt()).isEqualTo(1);
    assertThat(list.get("Resources").get(0).has("members")).isFalse();
  }

  @Test
  void excludedAttributesMembersReadsNoMembership() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 3);
    String id = createGroup(connection, groupJson("Marketing", users.toArray(String[]::new)));
    List<Object> single = DynamoRequestLog.record(
        () -> assertThat(call(connection, "GET", "/Groups/" + id + "?excludedAttributes=members", null).status()).isEqualTo(200));
    List<Object> listed = DynamoRequestLog.record(
        () -> assertThat(call(connection, "GET", "/Groups?excludedAttributes=members", null).status()).isEqualTo(200));
    List<Object> whole = DynamoRequestLog.record(
        () -> assertThat(call(connection, "GET", "/Groups/" + id, null).status()).isEqualTo(200));
    assertThat(membershipReads(single)).isZero();
    assertThat(membershipReads(listed)).isZero();
    assertThat(single.stream().filter(r -> r instanceof GetItemRequest g && g.key().get("sk").s().startsWith("GROUP#")))
        .hasSize(1);
    assertThat(membershipReads(whole)).isEqualTo(1);
  }

  /** Queries of a group's member partition ({@code CONN#c#GROUP#g}). */
  private static long membershipReads(List<Object> requests) {
    return requests.stream()
        .filter(r -> r instanceof QueryRequest q && q.expressionAttributeValues().values().stream()
            .anyMatch(v -> v.s() != null && v.s().contains("#GROUP#")))
        .count();
  }

  @Test
  void patchAddsAndRemovesMembersByFilter() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 3);
    String id = createGroup(connection, groupJson("Marketing", users.get(0)));
    ApiResult added = call(connection, "PATCH", "/Groups/" + id, operations(addMembers(users.get(1), users.get(2))));
    assertThat(added.status()).isEqualTo(204);
    assertThat(added.header("ETag")).isEqualTo("W/\"2\"");
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrderElementsOf(users);
    ApiResult removed = call(connection, "PATCH", "/Groups/" + id, operations(
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users.get(0) + "\\\"]\"}"));
    assertThat(removed.status()).isEqualTo(204);
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrder(users.get(1), users.get(2));
  }

  @Test
  void entraRemovesTheMembersListedInTheValue() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 2);
    String id = createGroup(connection, groupJson("Marketing", users.toArray(String[]::new)));
    call(connection, "PATCH", "/Groups/" + id, operations(
        "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(0) + "\"}]}"));
    assertThat(memberIds(connection, id)).containsExactly(users.get(1));
  }

  @Test
  void removeOfMembersWithoutValueEmptiesTheGroup() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 3);
    String id = createGroup(connection, groupJson("Marketing", users.toArray(String[]::new)));
    assertThat(call(connection, "PATCH", "/Groups/" + id, operations("{\"op\":\"remove\",\"path\":\"members\"}")).status())
        .isEqualTo(204);
    assertThat(memberIds(connection, id)).isEmpty();
  }

  @Test
  void replaceMembersWithAnEmptyArrayEmptiesTheGroup() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 2);
    String id = createGroup(connection, groupJson("Marketing", users.toArray(String[]::new)));
    call(connection, "PATCH", "/Groups/" + id, operations("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}"));
    assertThat(memberIds(connection, id)).isEmpty();
  }

  @Test
  void replaceMembersSetsExactlyTheListedOnes() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 3);
    String id = createGroup(connection, groupJson("Marketing", users.get(0), users.get(1)));
    call(connection, "PATCH", "/Groups/" + id, operations(
        "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(1) + "\"},{\"value\":\""
            + users.get(2) + "\"}]}"));
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrder(users.get(1), users.get(2));
  }

  @Test
  void oktasCombinedRemoveAndAddInOnePatch() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 3);
    String id = createGroup(connection, groupJson("Marketing", users.get(0), users.get(1)));
    ApiResult result = call(connection, "PATCH", "/Groups/" + id, operations(
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users.get(0) + "\\\"]\"}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(2) + "\",\"display\":\"Third\"}]}"));
    assertThat(result.status()).isEqualTo(204);
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrder(users.get(1), users.get(2));
  }

  @Test
  void oktasPathlessReplaceRenamesTheGroup() {
    IssuedConnection connection = newConnection();
    String id = createGroup(connection, groupJson("Marketing"));
    ApiResult result = call(connection, "PATCH", "/Groups/" + id, operations(
        "{\"op\":\"replace\",\"value\":{\"displayName\":\"Growth\"}}"));
    assertThat(result.status()).isEqualTo(204);
    assertThat(call(connection, "GET", "/Groups/" + id, null).json().get("displayName").asText()).isEqualTo("Growth");
    assertThat(call(connection, "POST", "/Groups", groupJson("marketing")).status()).isEqualTo(201);
  }

  @Test
  void putReplacesTheMembers() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 3);
    String id = createGroup(connection, groupJson("Marketing", users.get(0), users.get(1)));
    ApiResult replaced = call(connection, "PUT", "/Groups/" + id, groupJson("Marketing 2", users.get(1), users.get(2)));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("displayName").asText()).isEqualTo("Marketing 2");
    assertThat(replaced.json().get("members")).hasSize(2);
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrder(users.get(1), users.get(2));
    assertThat(memberCount(connection, id)).isEqualTo(2);
  }

  @Test
  void aStaleIfMatchIs412() {
    IssuedConnection connection = newConnection();
    String id = createGroup(connection, groupJson("Marketing"));
    call(connection, "PATCH", "/Groups/" + id, operations("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"One\"}"));
    ApiResult stale = ApiCall.of("PATCH", "/scim/v2/" + connection.connection().id() + "/Groups/" + id)
        .bearer(connection.bearerToken()).header("If-Match", "W/\"1\"")
        .body("application/scim+json", operations("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Two\"}"))
        .invoke(handler);
    assertThat(stale.status()).isEqualTo(412);
  }

  @Test
  void fiftyParallelAddMemberPatchesLeaveFiftyMembers() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 50);
    String id = createGroup(connection, groupJson("Everyone"));
    ExecutorService idp = Executors.newFixedThreadPool(12);
    try {
      List<CompletableFuture<ApiResult>> patches = new ArrayList<>();
      for (String user : users) {
        String body = operations(addMembers(user));
        patches.add(CompletableFuture.supplyAsync(() -> call(connection, "PATCH", "/Groups/" + id, body), idp));
      }
      patches.forEach(p -> assertThat(p.join().status()).isEqualTo(204));
    } finally {
      idp.shutdown();
    }
    assertThat(memberIds(connection, id)).containsExactlyInAnyOrderElementsOf(users);
    assertThat(call(connection, "GET", "/Groups/" + id, null).header("ETag")).isEqualTo("W/\"51\"");
    assertThat(memberCount(connection, id)).isEqualTo(50);
  }

  @Test
  void aConcurrentAddAndRemoveOfOneMemberEndsInOneOfTheTwoStates() {
    IssuedConnection connection = newConnection();
    String user = createUser(connection, userJson("ada"));
    String id = createGroup(connection, groupJson("Marketing"));
    ExecutorService idp = Executors.newFixedThreadPool(10);
    try {
      List<CompletableFuture<ApiResult>> patches = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String body = i % 2 == 0 ? operations(addMembers(user))
            : operations("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + user + "\\\"]\"}");
        patches.add(CompletableFuture.supplyAsync(() -> call(connection, "PATCH", "/Groups/" + id, body), idp));
      }
      patches.forEach(p -> assertThat(p.join().status()).isEqualTo(204));
    } finally {
      idp.shutdown();
    }
    Set<String> members = memberIds(connection, id);
    assertThat(members.isEmpty() || members.equals(Set.of(user))).isTrue();
  }

  @Test
  void deleteAnswers204ThenTheGroupIs404AndItsNameIsFree() {
    IssuedConnection connection = newConnection();
    String user = createUser(connection, userJson("ada"));
    String id = createGroup(connection, groupJson("Marketing", user));
    assertThat(call(connection, "DELETE", "/Groups/" + id, null).status()).isEqualTo(204);
    assertThat(call(connection, "GET", "/Groups/" + id, null).status()).isEqualTo(404);
    assertThat(call(connection, "GET", "/Users/" + user, null).json().has("groups")).isFalse();
    assertThat(call(connection, "POST", "/Groups", groupJson("Marketing")).status()).isEqualTo(201);
  }

  @Test
  void aDeletedUserLeavesItsGroups() {
    IssuedConnection connection = newConnection();
    List<String> users = users(connection, 2);
    String id = createGroup(connection, groupJson("Marketing", users.toArray(String[]::new)));
    assertThat(call(connection, "DELETE", "/Users/" + users.get(0), null).status()).isEqualTo(204);
    assertThat(memberIds(connection, id)).containsExactly(users.get(1));
    assertThat(memberCount(connection, id)).isEqualTo(1);
  }

  @Test
  void aUserShowsItsDirectGroups() {
    IssuedConnection connection = newConnection();
    String user = createUser(connection, userJson("ada"));
    String marketing = createGroup(connection, groupJson("Marketing", user));
    createGroup(connection, groupJson("Sales"));
    JsonNode groups = call(connection, "GET", "/Users/" + user, null).json().get("groups");
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).get("value").asText()).isEqualTo(marketing);
    assertThat(groups.get(0).get("display").asText()).isEqualTo("Marketing");
    assertThat(groups.get(0).get("type").asText()).isEqualTo("direct");
    assertThat(groups.get(0).get("$ref").asText()).endsWith("/Groups/" + marketing);
    assertThat(call(connection, "GET", "/Users/" + user + "?excludedAttributes=groups", null).json().has("groups")).isFalse();
  }

  @Test
  void filtersByDisplayNameAndByMember() {
    IssuedConnection connection = newConnection();
    String ada = createUser(connection, userJson("ada"));
    String marketing = createGroup(connection, groupJson("Marketing", ada));
    String sales = createGroup(connection, groupJson("Sales", ada));
    createGroup(connection, groupJson("Support"));
    JsonNode byName = call(connection, "GET", "/Groups?filter=displayName%20eq%20%22MARKETING%22", null).json();
    assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
    assertThat(byName.get("Resources").get(0).get("id").asText()).isEqualTo(marketing);
    JsonNode byMember = call(connection, "GET",
        "/Groups?excludedAttributes=members&filter=members.value%20eq%20%22" + ada + "%22", null).json();
    Set<String> ids = new HashSet<>();
    byMember.get("Resources").forEach(g -> ids.add(g.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(marketing, sales);
    JsonNode scanned = call(connection, "GET", "/Groups?filter=displayName%20sw%20%22S%22", null).json();
    assertThat(scanned.get("totalResults").asInt()).isEqualTo(2);
  }

  @Test
  void groupsAreListedPageByPageWithTheTotal() {
    IssuedConnection connection = newConnection();
    for (int i = 0; i < 5; i++) {
      createGroup(connection, groupJson("Group " + i));
    }
    Set<String> seen = new HashSet<>();
    for (int start = 1; start <= 5; start += 2) {
      JsonNode page = call(connection, "GET", "/Groups?excludedAttributes=members&count=2&startIndex=" + start, null).json();
      assertThat(page.get("totalResults").asInt()).isEqualTo(5);
      page.get("Resources").forEach(g -> seen.add(g.get("id").asText()));
    }
    assertThat(seen).hasSize(5);
    JsonNode sorted = call(connection, "GET", "/Groups?sortBy=displayName&sortOrder=descending&count=1", null).json();
    assertThat(sorted.get("Resources").get(0).get("displayName").asText()).isEqualTo("Group 4");
  }

  @Test
  void aGroupCanBeAMemberOfAnotherAndLeavesItWhenDeleted() {
    IssuedConnection connection = newConnection();
    String inner = createGroup(connection, groupJson("Inner"));
    String outer = createGroup(connection, groupJson("Outer", inner));
    JsonNode member = call(connection, "GET", "/Groups/" + outer, null).json().get("members").get(0);
    assertThat(member.get("type").asText()).isEqualTo("Group");
    assertThat(member.get("$ref").asText()).endsWith("/Groups/" + inner);
    assertThat(call(connection, "PATCH", "/Groups/" + inner, operations(addMembers(inner))).status()).isEqualTo(400);
    call(connection, "DELETE", "/Groups/" + inner, null);
    assertThat(memberIds(connection, outer)).isEmpty();
  }

  @Test
  void aGroupOfTwoThousandMembersIsBuiltByPatchesAndReadBackWhole() {
    IssuedConnection connection = newConnection();
    // The users are a fixture, not what is tested: stored directly (as POST /Users stores them), in parallel.
    UserStore userStore = stack.context().getBean(UserStore.class);
    java.time.Instant now = java.time.Instant.now();
    List<String> users = IntStream.range(0, 2000).parallel().mapToObj(i -> {
      String userName = "bulk" + i + "@example.com";
      ScimUser user = new ScimUser(connection.connection().id(), java.util.UUID.randomUUID().toString(),
          dev.scimlambda.scim.ScimJson.MAPPER.createObjectNode().put("userName", userName), userName, null, Set.of(),
          true, now, now, 1);
      userStore.create(user);
      return user.id();
    }).toList();
    String id = createGroup(connection, groupJson("Everyone"));
    for (int from = 0; from < users.size(); from += 500) {
      ApiResult result = call(connection, "PATCH", "/Groups/" + id,
          operations(addMembers(users.subList(from, from + 500).toArray(String[]::new))));
      assertThat(result.status()).isEqualTo(204);
    }
    assertThat(memberIds(connection, id)).hasSize(2000).containsAll(users);
    assertThat(memberCount(connection, id)).isEqualTo(2000);
  }

  @Test
  void aPathlessRenameMayRepeatTheGroupsOwnIdButNoOther() {
    IssuedConnection connection = newConnection();
    String id = createGroup(connection, groupJson("Marketing"));
    ApiResult renamed = call(connection, "PATCH", "/Groups/" + id,
        operations("{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Growth\"}}"));
    assertThat(renamed.status()).isEqualTo(204);
    assertThat(call(connection, "GET", "/Groups/" + id, null).json().get("displayName").asText()).isEqualTo("Growth");
    ApiResult other = call(connection, "PATCH", "/Groups/" + id,
        operations("{\"op\":\"replace\",\"value\":{\"id\":\"another\",\"displayName\":\"Sales\"}}"));
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.json().get("scimType").asText()).isEqualTo("mutability");
  }

  @Test
  void aFilterValueWithACommaFindsTheGroup() {
    IssuedConnection connection = newConnection();
    String id = createGroup(connection, groupJson("Sales, EMEA"));
    JsonNode found = call(connection, "GET", "/Groups?excludedAttributes=members&filter=displayName%20eq%20%22Sales,%20EMEA%22", null).json();
    assertThat(found.get("totalResults").asInt()).isEqualTo(1);
    assertThat(found.get("Resources").get(0).get("id").asText()).isEqualTo(id);
  }

  @Test
  void aCommaSeparatedAttributesListReturnsEveryAttributeNamed() {
    IssuedConnection connection = newConnection();
    String id = createGroup(connection, groupJson("Marketing"));
    JsonNode group = call(connection, "GET", "/Groups/" + id + "?attributes=displayName,meta.version", null).json();
    assertThat(group.get("displayName").asText()).isEqualTo("Marketing");
    assertThat(group.get("meta").get("version").asText()).isEqualTo("W/\"1\"");
  }
}
