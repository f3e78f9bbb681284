package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.stream.ReconcileHandler;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reconciliation larger than one call's time continues where it stopped: the admin API answers
 * {@code next}, the scheduled handler keeps its position in the table.
 */
class ReconcilerPagingTest {

  // No time budget: every call runs exactly one page, of two items.
  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of(
      Setting.RECONCILIATION_PAGE_SIZE.property(), "2",
      Setting.RECONCILIATION_TIME_BUDGET.property(), "PT0S"));

  private static void corruptLedger(String ws, long used) {
    try (var dynamo = directory.stack.database().client()) {
      dynamo.updateItem(b -> b.tableName(directory.stack.tableName())
          .key(Map.of("pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("SEATS")))
          .updateExpression("SET #used = :used")
          .expressionAttributeNames(Map.of("#used", "used"))
          .expressionAttributeValues(Map.of(":used", AttributeValue.fromN(Long.toString(used)))));
    }
  }

  private static long seatsUsed(String ws) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats").get("used").asLong();
  }

  private static String workspaceWithUsers(int perConnection) {
    String ws = directory.newWorkspace(null);
    for (IssuedConnection connection : List.of(directory.newConnection(ws), directory.newConnection(ws, "azure"))) {
      for (int i = 0; i < perConnection; i++) {
        directory.createUser(connection, ws + "-" + connection.connection().id() + "-" + i + "@example.com");
      }
    }
    directory.converge();
    return ws;
  }

  @Test
  void aWorkspaceLargerThanAPageIsReconciledAcrossCallsFollowingNext() {
    String ws = workspaceWithUsers(3);
    corruptLedger(ws, 11);

    List<JsonNode> reports = new ArrayList<>();
    String cursor = null;
    do {
      ApiResult result = directory.admin("POST",
          "/admin/v1/workspaces/" + ws + "/reconcile" + (cursor == null ? "" : "?cursor=" + cursor));
      assertThat(result.status()).as(result.toString()).isEqualTo(200);
      reports.add(result.json());
      cursor = result.json().get("next").isNull() ? null : result.json().get("next").asText();
      assertThat(reports).as("calls").hasSizeLessThan(20);
    } while (cursor != null);

    // Users: two pages per connection (the second may be empty); app users: three or four; the ledger: one.
    assertThat(reports.size()).isGreaterThanOrEqualTo(6);
    assertThat(reports.subList(0, reports.size() - 1)).allSatisfy(r -> assertThat(r.get("finished").asBoolean()).isFalse());
    assertThat(reports.get(reports.size() - 1).get("finished").asBoolean()).isTrue();
    assertThat(reports.stream().mapToLong(r -> r.get("scimUsersChecked").asLong()).sum()).isEqualTo(6);
    assertThat(reports.stream().mapToLong(r -> r.get("appUsersChecked").asLong()).sum()).isEqualTo(6);
    assertThat(reports.get(reports.size() - 1).get("seatLedger").get("before").asLong()).isEqualTo(11);
    assertThat(reports.get(reports.size() - 1).get("seatLedger").get("after").asLong()).isEqualTo(6);
    assertThat(seatsUsed(ws)).isEqualTo(6);
  }

  @Test
  void theScheduledReconciliationRepairsEveryWorkspaceOverSeveralInvocations() {
    String first = workspaceWithUsers(2);
    String second = workspaceWithUsers(1);
    corruptLedger(first, 0);
    corruptLedger(second, 7);
    ReconcileHandler handler = new ReconcileHandler(directory.stack.context());

    List<String> answers = new ArrayList<>();
    do {
      answers.add(handler.handleRequest(Map.of(), new TestLambdaContext()));
      assertThat(answers).as("invocations").hasSizeLessThan(100);
    } while (!answers.get(answers.size() - 1).startsWith("round finished"));

    assertThat(answers.size()).isGreaterThan(1);
    assertThat(seatsUsed(first)).isEqualTo(4);
    assertThat(seatsUsed(second)).isEqualTo(2);
  }
}
