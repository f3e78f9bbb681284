package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.dynamodblocal.LambdaStreamRecords;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.stream.StreamHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The reconciler repairs derived state (tags, access, seats, the seat ledger) that the stream never
 * brought up to date, from the SCIM users and groups, and reports exactly what it changed.
 */
class ReconcilerTest {

  // Pages of three, so even these small workspaces take several pages within one call.
  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of(Setting.RECONCILIATION_PAGE_SIZE.property(), "3"));

  private static final Predicate<DynamodbEvent.DynamodbStreamRecord> MEMBERSHIPS =
      record -> record.getDynamodb().getKeys().get("sk").getS().startsWith("MEMBER#");

  private static ApiResult reconcile(String ws) {
    ApiResult result = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/reconcile");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    assertThat(result.json().get("finished").asBoolean()).as(result.toString()).isTrue();
    return result;
  }

  private static JsonNode seats(String ws) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats");
  }

  private static JsonNode access(String ws, String appUserId) {
    return directory.appUser(ws, appUserId).get("access");
  }

  private static void corruptLedger(String ws, long used) {
    try (var dynamo = directory.stack.database().client()) {
      dynamo.updateItem(b -> b.tableName(directory.stack.tableName())
          .key(Map.of("pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("SEATS")))
          .updateExpression("SET #used = :used")
          .expressionAttributeNames(Map.of("#used", "used"))
          .expressionAttributeValues(Map.of(":used", AttributeValue.fromN(Long.toString(used)))));
    }
  }

  private static void restrictTo(String ws, IssuedConnection connection, String group) {
    ApiResult saved = directory.admin("PUT",
        "/admin/v1/workspaces/" + ws + "/connections/" + connection.connection().id() + "/access",
        "{\"groups\":[\"" + group + "\"]}");
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
  }

  private static List<String> kinds(JsonNode report) {
    List<String> kinds = new ArrayList<>();
    report.get("changes").forEach(c -> kinds.add(c.get("kind").asText() + " " + c.get("appUserId").asText()
        + (c.has("detail") ? " " + c.get("detail").asText() : "")));
    return kinds;
  }

  @Test
  void aCorruptedSeatLedgerIsSetToTheSeatHoldersAndReportedAsBeforeAndAfter() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    for (int i = 0; i < 4; i++) {
      directory.createUser(okta, "ledger" + i + "@example.com");
    }
    directory.converge();
    corruptLedger(ws, 9);

    JsonNode report = reconcile(ws).json();

    assertThat(report.get("seatLedger").get("before").asLong()).isEqualTo(9);
    assertThat(report.get("seatLedger").get("after").asLong()).isEqualTo(4);
    assertThat(report.get("appUsersRepaired").asLong()).isZero();
    assertThat(seats(ws).get("used").asLong()).isEqualTo(4);
    assertThat(seats(ws).get("lastDrift").asLong()).isEqualTo(5);
  }

  @Test
  void aLostMembershipRemovalKeepsTagAndAccessUntilTheReconcilerRevokesThem() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    restrictTo(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of(ada));
    directory.converge();

    directory.patchGroup(okta, engineering, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}");
    directory.convergeLosing(MEMBERSHIPS);
    assertThat(directory.tagsOf(ws, ada)).containsExactly("Group:Engineering");
    assertThat(access(ws, ada).get("granted").asBoolean()).isTrue();

    JsonNode report = reconcile(ws).json();

    assertThat(directory.tagsOf(ws, ada)).isEmpty();
    assertThat(access(ws, ada).get("reason").asText()).isEqualTo("no_group_access");
    assertThat(seats(ws).get("used").asLong()).isZero();
    assertThat(report.get("tagsRemoved").asLong()).isEqualTo(1);
    assertThat(report.get("accessRevoked").asLong()).isEqualTo(1);
    assertThat(report.get("seatsFreed").asLong()).isEqualTo(1);
    assertThat(report.get("appUsersRepaired").asLong()).isEqualTo(1);
    assertThat(kinds(report)).containsExactly(
        "tag_removed " + ada + " Group:Engineering", "access_revoked " + ada, "seat_freed " + ada);
    assertThat(report.get("seatLedger").isNull()).isTrue();
  }

  @Test
  void aLostMembershipAdditionIsGrantedTagAndAccessByTheReconciler() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    restrictTo(ws, okta, "Engineering");
    String bob = directory.createUser(okta, "bob@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of());
    directory.converge();

    directory.patchGroup(okta, engineering,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");
    directory.convergeLosing(MEMBERSHIPS);
    assertThat(directory.tagsOf(ws, bob)).isEmpty();
    assertThat(access(ws, bob).get("granted").asBoolean()).isFalse();

    JsonNode report = reconcile(ws).json();

    assertThat(directory.tagsOf(ws, bob)).containsExactly("Group:Engineering");
    assertThat(access(ws, bob).get("granted").asBoolean()).isTrue();
    assertThat(seats(ws).get("used").asLong()).isEqualTo(1);
    assertThat(report.get("tagsAdded").asLong()).isEqualTo(1);
    assertThat(report.get("accessGranted").asLong()).isEqualTo(1);
    assertThat(report.get("seatsTaken").asLong()).isEqualTo(1);
    assertThat(directory.tagCounts(ws)).containsEntry("Group:Engineering", 1L);
  }

  @Test
  void aDuplicatedStreamRecordChangesNothingAndLeavesNothingToReconcile() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = directory.createUser(okta, "ada.dup@example.com");
    String team = directory.createGroup(okta, "Team", List.of());
    directory.converge();
    directory.patchGroup(okta, team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}");
    directory.converge();
    Map<String, Long> tagsBefore = directory.tagCounts(ws);
    JsonNode adaBefore = directory.appUser(ws, ada);

    String member = "MEMBER#" + ada;
    List<Record> membership = directory.streamRecords().stream()
        .filter(r -> r.dynamodb().keys().get("sk").s().equals(member)).toList();
    assertThat(membership).hasSize(1);
    var handler = new StreamHandler(directory.stack.context());
    for (int delivery = 0; delivery < 2; delivery++) {
      var response = handler.handleRequest(
          LambdaStreamRecords.event(List.of(membership.get(0), membership.get(0)), directory.streamArn()),
          new TestLambdaContext());
      assertThat(response.getBatchItemFailures()).isEmpty();
    }
    directory.converge();

    assertThat(directory.tagCounts(ws)).isEqualTo(tagsBefore);
    assertThat(directory.appUser(ws, ada)).isEqualTo(adaBefore);
    JsonNode report = reconcile(ws).json();
    assertThat(report.get("changed").asBoolean()).as(report.toString()).isFalse();
    assertThat(report.get("changes")).isEmpty();
    assertThat(report.get("scimUsersChecked").asLong()).isEqualTo(1);
  }

  @Test
  void reconcilingAgainReportsNoChange() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    restrictTo(ws, okta, "Engineering");
    String ada = directory.createUser(okta, "ada.twice@example.com");
    directory.createUser(okta, "bob.twice@example.com");
    String engineering = directory.createGroup(okta, "Engineering", List.of());
    directory.converge();
    directory.patchGroup(okta, engineering, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}");
    directory.convergeLosing(MEMBERSHIPS);
    corruptLedger(ws, 5);
    assertThat(reconcile(ws).json().get("changed").asBoolean()).isTrue();

    JsonNode second = reconcile(ws).json();

    assertThat(second.get("changed").asBoolean()).as(second.toString()).isFalse();
    assertThat(second.get("appUsersRepaired").asLong()).isZero();
    assertThat(second.get("seatLedger").isNull()).isTrue();
    assertThat(second.get("changes")).isEmpty();
    assertThat(second.get("scimUsersChecked").asLong()).isEqualTo(2);
    assertThat(second.get("appUsersChecked").asLong()).isEqualTo(2);
  }

  @Test
  void anAppUserWhoseScimUserIsGoneLosesTheLinkAndIsRemovedWithItsSeat() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = directory.createUser(okta, "ada.gone@example.com");
    String bob = directory.createUser(okta, "bob.stays@example.com");
    directory.converge();
    // What a restore or a manual delete leaves: the SCIM user gone, its account untouched.
    try (var dynamo = directory.stack.database().client()) {
      dynamo.deleteItem(b -> b.tableName(directory.stack.tableName()).key(Map.of(
          "pk", AttributeValue.fromS("CONN#" + okta.connection().id()), "sk", AttributeValue.fromS("USER#" + ada))));
    }
    directory.converge();

    JsonNode report = reconcile(ws).json();

    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users/" + ada).status()).isEqualTo(404);
    assertThat(directory.appUser(ws, bob).get("access").get("granted").asBoolean()).isTrue();
    assertThat(seats(ws).get("used").asLong()).isEqualTo(1);
    assertThat(report.get("identityLinksRemoved").asLong()).isEqualTo(1);
    assertThat(report.get("appUsersRemoved").asLong()).isEqualTo(1);
    assertThat(kinds(report)).contains("identity_link_removed " + ada + " " + okta.connection().id() + "/" + ada,
        "app_user_removed " + ada);
    assertThat(report.toString()).doesNotContain("ada.gone@example.com");
  }

  @Test
  void reconcilingNeedsTheAdminToken() {
    String ws = directory.newWorkspace(null);
    ApiResult result = ApiCall.of("POST", "/admin/v1/workspaces/" + ws + "/reconcile").invoke(directory.admin);
    assertThat(result.status()).isEqualTo(401);
  }

  @Test
  void reconcilingAnUnknownWorkspaceIsNotFound() {
    assertThat(directory.admin("POST", "/admin/v1/workspaces/no-such-workspace/reconcile").status()).isEqualTo(404);
  }

  @Test
  void aCursorNotMadeByTheReconcilerIsABadRequest() {
    String ws = directory.newWorkspace(null);
    ApiResult result = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/reconcile?cursor=bm9wZQ");
    assertThat(result.status()).as(result.toString()).isEqualTo(400);
  }
}
