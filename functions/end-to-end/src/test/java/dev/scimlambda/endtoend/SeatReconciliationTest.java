package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.runtime.Setting;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stream handler checks the seat ledger against the people holding seats and repairs drift. */
class SeatReconciliationTest {

  // Every seat change checks the ledger, instead of at most every fifteen minutes.
  @RegisterExtension
  static final DirectoryHarness directory =
      new DirectoryHarness(Map.of(Setting.SEAT_RECONCILIATION_INTERVAL.property(), "PT0S"));

  private static JsonNode seats(String ws) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats");
  }

  /** What a write around the transactions (a restore, a manual edit) leaves. */
  private static void corruptLedger(String ws, long used) {
    try (var dynamo = directory.stack.database().client()) {
      dynamo.updateItem(b -> b.tableName(directory.stack.tableName())
          .key(Map.of("pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("SEATS")))
          .updateExpression("SET #used = :used")
          .expressionAttributeNames(Map.of("#used", "used"))
          .expressionAttributeValues(Map.of(":used", AttributeValue.fromN(Long.toString(used)))));
    }
  }

  private static List<String> provision(IssuedConnection connection, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> directory.createUser(connection, "u" + i + "@example.com")).toList();
  }

  @Test
  void aLedgerThatAgreesIsReportedWithoutDrift() {
    String ws = directory.newWorkspace(null);
    provision(directory.newConnection(ws), 3);
    directory.converge();
    assertThat(seats(ws).get("used").asLong()).isEqualTo(3);
    assertThat(seats(ws).get("lastDrift").asLong()).isZero();
    assertThat(seats(ws).get("lastReconciledAt").isNull()).isFalse();
  }

  @Test
  void driftIsRepairedToTheNumberOfPeopleHoldingASeatAndReported() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    List<String> ids = provision(okta, 3);
    directory.converge();
    corruptLedger(ws, 7);

    directory.scim(okta, "PATCH", "/Users/" + ids.get(0), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    directory.converge();

    assertThat(seats(ws).get("used").asLong()).isEqualTo(2);
    assertThat(seats(ws).get("lastDrift").asLong()).isEqualTo(4);
  }

  @Test
  void aRepairedLedgerEnforcesTheLimitAgain() {
    String ws = directory.newWorkspace(3);
    IssuedConnection okta = directory.newConnection(ws);
    List<String> ids = provision(okta, 2);
    directory.converge();
    corruptLedger(ws, 3);
    assertThat(directory.scim(okta, "POST", "/Users", DirectoryHarness.userJson("blocked@example.com")).status())
        .isEqualTo(403);

    directory.scim(okta, "PATCH", "/Users/" + ids.get(0), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    directory.converge();

    assertThat(seats(ws).get("used").asLong()).isEqualTo(1);
    assertThat(directory.scim(okta, "POST", "/Users", DirectoryHarness.userJson("welcome@example.com")).status())
        .isEqualTo(201);
  }

  @Test
  void peopleTheAccessGroupsDenyAreNotCountedAsHoldingASeat() {
    String ws = directory.newWorkspace(null);
    IssuedConnection okta = directory.newConnection(ws);
    directory.admin("PUT", "/admin/v1/workspaces/" + ws + "/connections/" + okta.connection().id() + "/access",
        "{\"groups\":[\"Engineering\"]}");
    List<String> ids = provision(okta, 3);
    String engineering = directory.createGroup(okta, "Engineering", ids.subList(0, 2));
    directory.converge();
    assertThat(seats(ws).get("used").asLong()).isEqualTo(2);
    corruptLedger(ws, 9);

    directory.patchGroup(okta, engineering,
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ids.get(0) + "\\\"]\"}");
    directory.converge();

    assertThat(seats(ws).get("used").asLong()).isEqualTo(1);
    assertThat(seats(ws).get("lastDrift").asLong()).isEqualTo(7);
  }
}
