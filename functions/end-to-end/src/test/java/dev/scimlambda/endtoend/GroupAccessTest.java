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
import org.junit.jupiter.api.BeforeEach;
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

  private String ws;
  private IssuedConnection okta;

  @BeforeEach
  void workspaceWithAnOktaConnection() {
    ws = directory.newWorkspace(null);
    okta = directory.newConnection(ws);
  }

  private void limitSeatsTo(int seats) {
    ApiResult result = directory.admin("PATCH", "/admin/v1/workspaces/" + ws, "{\"seatLimit\":" + seats + "}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
  }

  private ApiResult setAccessGroups(String... groups) {
    String list = Arrays.stream(groups).map(g -> "\"" + g + "\"").collect(Collectors.joining(","));
    ApiResult result = directory.admin("PUT", "/admin/v1/workspaces/" + ws + "/connections/"
        + okta.connection().id() + "/access", "{\"groups\":[" + list + "]}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result;
  }

  private String user(String name) {
    return directory.createUser(okta, name + "@example.com");
  }

  private String engineering(String... members) {
    return directory.createGroup(okta, "Engineering", List.of(members));
  }

  /** A person who signed in through SSO, provisioned by no IdP. */
  private String ssoRegistered(String email) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"" + email + "\"}")
        .json().get("id").asText();
  }

  private record Membership(String user, String group) {}

  /** Engineering grants access, and Ada, one of its members, has it. */
  private Membership adaInEngineering() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    String engineering = engineering(ada);
    directory.converge();
    return new Membership(ada, engineering);
  }

  private record AdaAndGrace(String ada, String grace) {}

  /** One seat, and Engineering grants access: Ada, a member, takes the seat; then Grace joins. */
  private AdaAndGrace graceJoinsEngineeringAfterAdaTookTheOnlySeat() {
    limitSeatsTo(1);
    setAccessGroups("Engineering");
    String ada = user("ada");
    String grace = user("grace");
    String engineering = engineering(ada);
    directory.converge();
    directory.patchGroup(okta, engineering, add(grace));
    directory.converge();
    return new AdaAndGrace(ada, grace);
  }

  private JsonNode access(String appUserId) {
    return directory.appUser(ws, appUserId).get("access");
  }

  private boolean granted(String appUserId) {
    return access(appUserId).get("granted").asBoolean();
  }

  private String reason(String appUserId) {
    return access(appUserId).get("reason").asText();
  }

  private long seatsUsed() {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats").get("used").asLong();
  }

  private String sessionReason(String appUserId, Instant issuedAt) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/sessions/check",
        "{\"userId\":\"" + appUserId + "\",\"issuedAt\":\"" + issuedAt + "\"}").json().get("reason").asText();
  }

  private String sessionReason(String appUserId) {
    return sessionReason(appUserId, Instant.now());
  }

  private static String add(String... ids) {
    return "{\"op\":\"add\",\"path\":\"members\",\"value\":["
        + Arrays.stream(ids).map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",")) + "]}";
  }

  private static String remove(String id) {
    return "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}";
  }

  private void setActive(String id, boolean active) {
    ApiResult result = directory.scim(okta, "PATCH", "/Users/" + id,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
  }

  @Test
  void aUserCreatedOutsideTheAccessGroupsHasNoSeatAndNoValidSession() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    directory.converge();

    assertThat(seatsUsed()).isZero();
    assertThat(granted(ada)).isFalse();
    assertThat(reason(ada)).isEqualTo("no_group_access");
    assertThat(sessionReason(ada)).isEqualTo("no_group_access");
  }

  @Test
  void withoutAccessGroupsEveryUserHasAccess() {
    String ada = user("ada");
    directory.converge();

    assertThat(seatsUsed()).isEqualTo(1);
    assertThat(granted(ada)).isTrue();
    assertThat(access(ada).get("reason").isNull()).isTrue();
    assertThat(sessionReason(ada)).isEqualTo("valid");
  }

  @Test
  void addingTheUserToAnAccessGroupGrantsAccessAndTakesASeat() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    String engineering = engineering();
    directory.converge();

    directory.patchGroup(okta, engineering, add(ada));
    directory.converge();

    assertThat(seatsUsed()).isEqualTo(1);
    assertThat(granted(ada)).isTrue();
    assertThat(sessionReason(ada)).isEqualTo("valid");
  }

  @Test
  void accessGroupsAreMatchedByDisplayNameIgnoringCase() {
    setAccessGroups(" engineering ");
    String ada = user("ada");
    engineering(ada);
    directory.converge();

    assertThat(granted(ada)).isTrue();
  }

  @Test
  void theAccessGroupsShowWhichNamesNoGroupOfTheConnectionHas() {
    engineering();

    JsonNode saved = setAccessGroups("engineering", "Enginering").json();

    assertThat(saved.get("unmatched")).hasSize(1);
    assertThat(saved.get("unmatched").get(0).asText()).isEqualTo("Enginering");
  }

  @Test
  void removingTheUserFromTheGroupRevokesAccessAndFreesTheSeat() {
    Membership ada = adaInEngineering();
    assertThat(seatsUsed()).isEqualTo(1);

    directory.patchGroup(okta, ada.group(), remove(ada.user()));
    directory.converge();

    assertThat(seatsUsed()).isZero();
    assertThat(sessionReason(ada.user())).isEqualTo("no_group_access");
  }

  @Test
  void aSessionIssuedBeforeAccessWasRevokedStaysInvalidWhenAccessReturns() {
    directory.admin("PATCH", "/admin/v1/workspaces/" + ws, "{\"revokeSessionsOnDeprovision\":true}");
    Membership ada = adaInEngineering();
    Instant issued = Instant.now();

    directory.patchGroup(okta, ada.group(), remove(ada.user()));
    directory.converge();
    directory.patchGroup(okta, ada.group(), add(ada.user()));
    directory.converge();

    assertThat(sessionReason(ada.user(), issued)).isEqualTo("deprovisioned_since_issued");
  }

  @Test
  void aGroupNestedInAnAccessGroupGrantsAccess() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    String backend = directory.createGroup(okta, "Backend", List.of(ada));
    engineering(backend);
    directory.converge();

    assertThat(granted(ada)).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
  }

  @Test
  void takingTheNestedGroupOutOfTheAccessGroupRevokesAccess() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    String backend = directory.createGroup(okta, "Backend", List.of(ada));
    String engineering = engineering(backend);
    directory.converge();

    directory.patchGroup(okta, engineering, remove(backend));
    directory.converge();

    assertThat(reason(ada)).isEqualTo("no_group_access");
    assertThat(seatsUsed()).isZero();
  }

  @Test
  void deletingTheAccessGroupRevokesAccess() {
    Membership ada = adaInEngineering();

    assertThat(directory.scim(okta, "DELETE", "/Groups/" + ada.group(), null).status()).isEqualTo(204);
    directory.converge();

    assertThat(sessionReason(ada.user())).isEqualTo("no_group_access");
    assertThat(seatsUsed()).isZero();
  }

  @Test
  void renamingTheAccessGroupInTheIdpRevokesAccessAsTheNameNoLongerMatches() {
    Membership ada = adaInEngineering();

    directory.patchGroup(okta, ada.group(), "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"R&D\"}");
    directory.converge();

    assertThat(reason(ada.user())).isEqualTo("no_group_access");
  }

  @Test
  void withNoSeatLeftAGrantedUserWaitsWithReasonNoSeat() {
    String grace = graceJoinsEngineeringAfterAdaTookTheOnlySeat().grace();

    assertThat(seatsUsed()).isEqualTo(1);
    assertThat(granted(grace)).isFalse();
    assertThat(reason(grace)).isEqualTo("no_seat");
    assertThat(sessionReason(grace)).isEqualTo("no_seat");
  }

  @Test
  void anIdpUpdateOfAUserWaitingForASeatSucceedsAndKeepsThemWaiting() {
    String grace = graceJoinsEngineeringAfterAdaTookTheOnlySeat().grace();

    ApiResult update = directory.scim(okta, "PATCH", "/Users/" + grace,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}]}");

    assertThat(update.status()).isEqualTo(200);
    directory.converge();
    assertThat(reason(grace)).isEqualTo("no_seat");
    assertThat(seatsUsed()).isEqualTo(1);
  }

  @Test
  void savingTheAccessGroupsAgainHandsAFreedSeatToAUserWaitingForOne() {
    AdaAndGrace people = graceJoinsEngineeringAfterAdaTookTheOnlySeat();
    setActive(people.ada(), false);

    setAccessGroups("Engineering");
    directory.converge();

    assertThat(granted(people.grace())).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
  }

  @Test
  void settingAccessGroupsReEvaluatesTheConnectionsExistingUsers() {
    List<String> users = IntStream.range(0, 5).mapToObj(i -> user("u" + i)).toList();
    engineering(users.get(0), users.get(1));
    directory.converge();
    assertThat(seatsUsed()).isEqualTo(5);

    setAccessGroups("Engineering");
    directory.converge();

    assertThat(seatsUsed()).isEqualTo(2);
    assertThat(users.stream().map(this::granted)).containsExactly(true, true, false, false, false);
  }

  @Test
  void clearingTheAccessGroupsGivesEveryUserAccessAgain() {
    setAccessGroups("Engineering");
    List<String> users = IntStream.range(0, 3).mapToObj(i -> user("u" + i)).toList();
    directory.converge();
    assertThat(seatsUsed()).isZero();

    setAccessGroups();
    directory.converge();

    assertThat(seatsUsed()).isEqualTo(3);
    users.forEach(u -> assertThat(sessionReason(u)).isEqualTo("valid"));
  }

  @Test
  void deactivatingAUserInAnAccessGroupFreesTheSeatOnce() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    String grace = user("grace");
    engineering(ada, grace);
    directory.converge();
    assertThat(seatsUsed()).isEqualTo(2);

    setActive(ada, false);
    directory.converge();

    assertThat(seatsUsed()).isEqualTo(1);
    assertThat(reason(ada)).isEqualTo("deactivated");
  }

  @Test
  void aUserReactivatedOutsideTheAccessGroupsTakesNoSeat() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    directory.converge();

    setActive(ada, false);
    setActive(ada, true);
    directory.converge();

    assertThat(seatsUsed()).isZero();
    assertThat(reason(ada)).isEqualTo("no_group_access");
  }

  @Test
  void aPersonKeepsAccessThroughAnotherConnectionThatGrantsIt() {
    IssuedConnection entra = directory.newConnection(ws);
    setAccessGroups("Engineering");
    String ada = directory.createUser(entra, "ada@example.com");
    user("ada");
    directory.converge();

    assertThat(granted(ada)).isTrue();
    assertThat(seatsUsed()).isEqualTo(1);
  }

  @Test
  void anSsoRegisteredPersonProvisionedByARestrictingConnectionOutsideItsGroupsLosesAccess() {
    String ada = ssoRegistered("ada@example.com");
    assertThat(sessionReason(ada)).isEqualTo("valid");
    setAccessGroups("Engineering");

    user("ada");
    directory.converge();

    assertThat(sessionReason(ada)).isEqualTo("no_group_access");
    assertThat(seatsUsed()).isZero();
  }

  @Test
  void anSsoOnlyPersonKeepsAccessWhatever() {
    setAccessGroups("Engineering");
    String ada = ssoRegistered("ada@example.com");
    directory.converge();

    assertThat(sessionReason(ada)).isEqualTo("valid");
    assertThat(seatsUsed()).isEqualTo(1);
  }

  @Test
  void replayingTheStreamLeavesSeatsAndAccessUnchanged() {
    setAccessGroups("Engineering");
    String ada = user("ada");
    String grace = user("grace");
    String linus = user("linus");
    String engineering = engineering(ada, grace);
    directory.converge();
    directory.patchGroup(okta, engineering, remove(grace), add(linus));
    setActive(ada, false);
    directory.converge();
    assertThat(seatsUsed()).isEqualTo(1);

    directory.replayFromStart();

    assertThat(seatsUsed()).isEqualTo(1);
    assertThat(granted(linus)).isTrue();
    assertThat(reason(grace)).isEqualTo("no_group_access");
    assertThat(reason(ada)).isEqualTo("deactivated");
  }
}
