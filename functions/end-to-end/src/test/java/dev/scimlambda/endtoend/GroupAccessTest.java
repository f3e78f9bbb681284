package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.ApiResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection may list IdP groups that grant access: its users in none of them are provisioned
 * without access (no seat, sessions invalid) and gain or lose it as memberships change.
 */
class GroupAccessTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

  // Small chunks, so re-evaluating a connection's users already takes several chunks.
  @RegisterExtension
  static final DirectoryHarness directory =
      new DirectoryHarness(Map.of(Setting.TAG_REFRESH_CHUNK_SIZE.property(), "2"));

  private static ApiResult setAccessGroups(String ws, IssuedConnection connection, String... groups) {
    String list = Arrays.stream(groups).map(g -> "\"" + g + "\"").collect(Collectors.joining(","));
    ApiResult result = directory.admin("PUT", "/admin/v1/workspaces/" + ws + "/connections/"
        + connection.connection().id() + "/access", "{\"groups\":[" + list + "]}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result;
  }

  private static JsonNode access(String ws, String appUserId) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users/" + appUserId).json().get("access");
  }

  private static long seatsUsed(String ws) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats").get("used").asLong();
  }

  private static String sessionReason(String ws, String appUserId) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check",
        "{\"userId\":\"" + appUserId + "\",\"issuedAt\":\"" + Instant.now() + "\"}").json().get("reason").asText();
  }

  private static String add(String... ids) {
    return "{\"op\":\"add\",\"path\":\"members\",\"value\":["
        + Arrays.stream(ids).map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",")) + "]}";
  }

  private static String remove(String id) {
    return "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}";
  }

  private static void setActive(IssuedConnection connection, String id, boolean active) {
    ApiResult result = directory.scim(connection, "PATCH", "/Users/" + id,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
  }

  @Test
  void aUserCreatedOutsideTheAccessGroupsHasNoSeatAndNoValidSession() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    directory.converge();

    assertThat(seatsUsed(ws)).isZero();
    assertThat(access(ws, ada).get("granted").asBoolean()).isFalse();
    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("no_group_access");
    assertThat(sessionReason(ws, ada)).isEqualTo("no_group_access");
  }

  @Test
  void withoutAccessGroupsEveryUserHasAccess() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = directory.createUser(okta, "ada@example.com");
    directory.converge();

    assertThat(seatsUsed(ws)).isEqualTo(1);
    assertThat(access(ws, ada).get("granted").asBoolean()).isTrue();
    assertThat(access(ws, ada).get("reason").isNull()).isTrue();
    assertThat(sessionReason(ws, ada)).isEqualTo("valid");
  }

  @Test
  void addingTheUserToAnAccessGroupGrantsAccessAndTakesASeat() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of());
    directory.converge();

    directory.patchGroup(okta, engineering, add(ada));
    directory.converge();

    assertThat(seatsUsed(ws)).isEqualTo(1);
    assertThat(access(ws, ada).get("granted").asBoolean()).isTrue();
    assertThat(sessionReason(ws, ada)).isEqualTo("valid");
  }

  @Test
  void accessGroupsAreMatchedByDisplayNameIgnoringCase() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, " engineering ");
    String ada = directory.createUser(okta, "ada@example.com");
    directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();

    assertThat(access(ws, ada).get("granted").asBoolean()).isTrue();
  }

  @Test
  void theAccessGroupsShowWhichNamesNoGroupOfTheConnectionHas() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    directory.createGroup(okta, "Engineering", List.of());

    JsonNode saved = setAccessGroups(ws, okta, "engineering", "Enginering").json();

    assertThat(saved.get("unmatched")).hasSize(1);
    assertThat(saved.get("unmatched").get(0).asText()).isEqualTo("Enginering");
  }

  @Test
  void removingTheUserFromTheGroupRevokesAccessAndFreesTheSeat() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();
    assertThat(seatsUsed(ws)).isEqualTo(1);

    directory.patchGroup(okta, engineering, remove(ada));
    directory.converge();

    assertThat(seatsUsed(ws)).isZero();
    assertThat(sessionReason(ws, ada)).isEqualTo("no_group_access");
  }

  @Test
  void aSessionIssuedBeforeAccessWasRevokedStaysInvalidWhenAccessReturns() {
    String ws = directory.newWorkspace(null);
    directory.admin("PATCH", "/admin/v1/workspaces/" + ws, "{\"revokeSessionsOnDeprovision\":true}");
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();
    Instant issued = Instant.now();

    directory.patchGroup(okta, engineering, remove(ada));
    directory.converge();
    directory.patchGroup(okta, engineering, add(ada));
    directory.converge();

    JsonNode answer = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check",
        "{\"userId\":\"" + ada + "\",\"issuedAt\":\"" + issued + "\"}").json();
    assertThat(answer.get("reason").asText()).isEqualTo("deprovisioned_since_issued");
  }

  @Test
  void aGroupNestedInAnAccessGroupGrantsAccess() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String backend = directory.createGroup(okta, "Backend", List.of(ada));
    directory.createGroup(okta, "Engineering", List.of(backend));
    directory.converge();

    assertThat(access(ws, ada).get("granted").asBoolean()).isTrue();
    assertThat(seatsUsed(ws)).isEqualTo(1);
  }

  @Test
  void takingTheNestedGroupOutOfTheAccessGroupRevokesAccess() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String backend = directory.createGroup(okta, "Backend", List.of(ada));
    String engineering = directory.createGroup(okta, "Engineering", List.of(backend));
    directory.converge();

    directory.patchGroup(okta, engineering, remove(backend));
    directory.converge();

    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("no_group_access");
    assertThat(seatsUsed(ws)).isZero();
  }

  @Test
  void deletingTheAccessGroupRevokesAccess() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();

    assertThat(directory.scim(okta, "DELETE", "/Groups/" + engineering, null).status()).isEqualTo(204);
    directory.converge();

    assertThat(sessionReason(ws, ada)).isEqualTo("no_group_access");
    assertThat(seatsUsed(ws)).isZero();
  }

  @Test
  void renamingTheAccessGroupInTheIdpRevokesAccessAsTheNameNoLongerMatches() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();

    directory.patchGroup(okta, engineering, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"R&D\"}");
    directory.converge();

    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("no_group_access");
  }

  @Test
  void withNoSeatLeftAGrantedUserWaitsWithReasonNoSeat() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String grace = directory.createUser(okta, "grace@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();

    directory.patchGroup(okta, engineering, add(grace));
    directory.converge();

    assertThat(seatsUsed(ws)).isEqualTo(1);
    assertThat(access(ws, grace).get("granted").asBoolean()).isFalse();
    assertThat(access(ws, grace).get("reason").asText()).isEqualTo("no_seat");
    assertThat(sessionReason(ws, grace)).isEqualTo("no_seat");
  }

  @Test
  void anIdpUpdateOfAUserWaitingForASeatSucceedsAndKeepsThemWaiting() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String grace = directory.createUser(okta, "grace@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();
    directory.patchGroup(okta, engineering, add(grace));
    directory.converge();

    ApiResult update = directory.scim(okta, "PATCH", "/Users/" + grace,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}]}");

    assertThat(update.status()).isEqualTo(200);
    directory.converge();
    assertThat(access(ws, grace).get("reason").asText()).isEqualTo("no_seat");
    assertThat(seatsUsed(ws)).isEqualTo(1);
  }

  @Test
  void savingTheAccessGroupsAgainHandsAFreedSeatToAUserWaitingForOne() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String grace = directory.createUser(okta, "grace@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();
    directory.patchGroup(okta, engineering, add(grace));
    directory.converge();
    setActive(okta, ada, false);

    setAccessGroups(ws, okta, "Engineering");
    directory.converge();

    assertThat(access(ws, grace).get("granted").asBoolean()).isTrue();
    assertThat(seatsUsed(ws)).isEqualTo(1);
  }

  @Test
  void settingAccessGroupsReEvaluatesTheConnectionsExistingUsers() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    List<String> users = IntStream.range(0, 5)
        .mapToObj(i -> directory.createUser(okta, "u" + i + "@example.com")).toList();
    directory.createGroup(okta, "Engineering", users.subList(0, 2));
    directory.converge();
    assertThat(seatsUsed(ws)).isEqualTo(5);

    setAccessGroups(ws, okta, "Engineering");
    directory.converge();

    assertThat(seatsUsed(ws)).isEqualTo(2);
    assertThat(users.stream().map(u -> access(ws, u).get("granted").asBoolean()))
        .containsExactly(true, true, false, false, false);
  }

  @Test
  void clearingTheAccessGroupsGivesEveryUserAccessAgain() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    List<String> users = IntStream.range(0, 3)
        .mapToObj(i -> directory.createUser(okta, "u" + i + "@example.com")).toList();
    directory.converge();
    assertThat(seatsUsed(ws)).isZero();

    setAccessGroups(ws, okta);
    directory.converge();

    assertThat(seatsUsed(ws)).isEqualTo(3);
    users.forEach(u -> assertThat(sessionReason(ws, u)).isEqualTo("valid"));
  }

  @Test
  void deactivatingAUserInAnAccessGroupFreesTheSeatOnce() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String grace = directory.createUser(okta, "grace@example.com");
    directory.createGroup(okta, "Engineering", List.of(ada, grace));
    directory.converge();
    assertThat(seatsUsed(ws)).isEqualTo(2);

    setActive(okta, ada, false);
    directory.converge();

    assertThat(seatsUsed(ws)).isEqualTo(1);
    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("deactivated");
  }

  @Test
  void aUserReactivatedOutsideTheAccessGroupsTakesNoSeat() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    directory.converge();

    setActive(okta, ada, false);
    setActive(okta, ada, true);
    directory.converge();

    assertThat(seatsUsed(ws)).isZero();
    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("no_group_access");
  }

  @Test
  void aPersonKeepsAccessThroughAnotherConnectionThatGrantsIt() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    IssuedConnection entra = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(entra, "ada@example.com");
    directory.createUser(okta, "ada@example.com");
    directory.converge();

    assertThat(access(ws, ada).get("granted").asBoolean()).isTrue();
    assertThat(seatsUsed(ws)).isEqualTo(1);
  }

  @Test
  void anSsoRegisteredPersonProvisionedByARestrictingConnectionOutsideItsGroupsLosesAccess() {
    String ws = directory.newWorkspace(null);
    String ada = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"ada@example.com\"}")
        .json().get("id").asText();
    assertThat(sessionReason(ws, ada)).isEqualTo("valid");
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");

    directory.createUser(okta, "ada@example.com");
    directory.converge();

    assertThat(sessionReason(ws, ada)).isEqualTo("no_group_access");
    assertThat(seatsUsed(ws)).isZero();
  }

  @Test
  void anSsoOnlyPersonKeepsAccessWhatever() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"ada@example.com\"}")
        .json().get("id").asText();
    directory.converge();

    assertThat(sessionReason(ws, ada)).isEqualTo("valid");
    assertThat(seatsUsed(ws)).isEqualTo(1);
  }

  @Test
  void replayingTheStreamLeavesSeatsAndAccessUnchanged() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    setAccessGroups(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String grace = directory.createUser(okta, "grace@example.com");
    String linus = directory.createUser(okta, "linus@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada, grace));
    directory.converge();
    directory.patchGroup(okta, engineering, remove(grace), add(linus));
    setActive(okta, ada, false);
    directory.converge();
    assertThat(seatsUsed(ws)).isEqualTo(1);

    directory.replayFromStart();

    assertThat(seatsUsed(ws)).isEqualTo(1);
    assertThat(access(ws, linus).get("granted").asBoolean()).isTrue();
    assertThat(access(ws, grace).get("reason").asText()).isEqualTo("no_group_access");
    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("deactivated");
  }
}
