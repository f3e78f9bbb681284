package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.DynamoFaults;
import dev.scimlambda.testing.TestStack;
import io.micronaut.http.HttpMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * An admin write's audit entry is written in the change's own DynamoDB transaction, through the
 * admin function as deployed: when the entry cannot be written the change is refused, when the
 * change's condition fails no entry is written, and nothing in the API edits an entry.
 */
class AuditInTheChangesTransactionTest {

  static final TestIssuer ISSUER = TestIssuer.create();
  static TestStack stack;
  static AdminApiHandler handler;
  static String ws;
  static String alice;

  @BeforeAll
  static void start() {
    Map<String, Object> settings = new HashMap<>(ISSUER.settings());
    settings.put(DynamoFaults.PROPERTY, "true");
    stack = TestStack.start(settings);
    handler = new AdminApiHandler(stack.context());
    ws = ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN).json("{\"name\":\"Faulty\"}")
        .invoke(handler).json().get("id").asText();
    alice = ISSUER.adminOf("alice@faulty.test", ws);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static ApiResult asAlice(String method, String below, String json) {
    ApiCall call = ApiCall.of(method, "/admin/v1/workspaces/" + ws + below).bearer(alice);
    return (json == null ? call : call.json(json)).invoke(handler);
  }

  static List<JsonNode> trail() {
    JsonNode page = asAlice("GET", "/audit?limit=100", null).json();
    return StreamSupport.stream(page.get("entries").spliterator(), false).toList();
  }

  static List<String> fieldKeys() {
    return StreamSupport.stream(asAlice("GET", "/fields", null).json().get("fields").spliterator(), false)
        .map(f -> f.get("key").asText()).toList();
  }

  static boolean isAuditPut(TransactWriteItem item) {
    return item.put() != null && item.put().item().get("pk").s().endsWith("#AUDIT");
  }

  /** Cancels every transaction holding an audit put, as DynamoDB does, naming {@code code} for the put. */
  static Function<Object, RuntimeException> cancelTransactionsWithTheEntry(String auditCode, String changeCode) {
    return request -> {
      if (!(request instanceof TransactWriteItemsRequest tx) || tx.transactItems().stream().noneMatch(
          AuditInTheChangesTransactionTest::isAuditPut)) {
        return null;
      }
      List<CancellationReason> reasons = new ArrayList<>();
      tx.transactItems().forEach(i -> reasons.add(CancellationReason.builder()
          .code(isAuditPut(i) ? auditCode : changeCode).build()));
      return TransactionCanceledException.builder().message("Transaction cancelled").cancellationReasons(reasons).build();
    };
  }

  @Test
  void creatingAWorkspaceRecordsItInItsCreationAsTheNewWorkspacesFirstEntry() {
    List<JsonNode> entries = trail();
    JsonNode first = entries.get(entries.size() - 1);
    assertThat(first.get("action").asText()).isEqualTo("create_workspace");
    assertThat(first.get("target").asText()).isEqualTo("/admin/v1/workspaces/" + ws);
  }

  @Test
  void aCreatedResourceIsNamedInItsEntrysTarget() {
    asAlice("POST", "/fields", "{\"key\":\"building\",\"label\":\"Building\",\"type\":\"string\"}");

    assertThat(trail().get(0).get("target").asText()).isEqualTo("/admin/v1/workspaces/" + ws + "/fields/building");
  }

  @Test
  void anAddedPersonIsNamedInItsEntrysTarget() {
    String id = asAlice("POST", "/users", "{\"email\":\"ada@faulty.test\",\"source\":\"sso\"}").json()
        .get("id").asText();

    assertThat(trail().get(0).get("target").asText()).isEqualTo("/admin/v1/workspaces/" + ws + "/users/" + id);
  }

  @Test
  void whenTheEntryCannotBeWrittenTheChangeIsRefusedAndNotRecorded() throws Exception {
    int before = trail().size();
    ApiResult result;
    try (AutoCloseable fault = DynamoFaults.inject(cancelTransactionsWithTheEntry("ConditionalCheckFailed", "None"))) {
      result = asAlice("POST", "/fields", "{\"key\":\"costCenter\",\"label\":\"Cost center\",\"type\":\"string\"}");
    }
    assertThat(result.status()).as(result.toString()).isEqualTo(409);
    assertThat(fieldKeys()).doesNotContain("costCenter");
    assertThat(trail()).hasSize(before);
  }

  @Test
  void whenAStoresTransactionCannotWriteTheEntryTheChangeIsRefusedAndNotRecorded() throws Exception {
    int before = trail().size();
    ApiResult result;
    try (AutoCloseable fault = DynamoFaults.inject(cancelTransactionsWithTheEntry("ConditionalCheckFailed", "None"))) {
      result = asAlice("PATCH", "", "{\"name\":\"Renamed under a fault\"}");
    }
    assertThat(result.status()).as(result.toString()).isEqualTo(409);
    assertThat(asAlice("GET", "", null).json().get("name").asText()).isEqualTo("Faulty");
    assertThat(trail()).hasSize(before);
  }

  @Test
  void aChangeLosingToAConcurrentWriterIsContentionNotAServerError() throws Exception {
    int before = trail().size();
    ApiResult result;
    try (AutoCloseable fault = DynamoFaults.inject(cancelTransactionsWithTheEntry("None", "TransactionConflict"))) {
      result = asAlice("POST", "/fields", "{\"key\":\"region\",\"label\":\"Region\",\"type\":\"string\"}");
    }
    assertThat(result.status()).as(result.toString()).isEqualTo(429);
    assertThat(result.header("Retry-After")).isNotNull();
    assertThat(fieldKeys()).doesNotContain("region");
    assertThat(trail()).hasSize(before);
  }

  @Test
  void whenTheChangesConditionFailsNoEntryIsWritten() {
    asAlice("POST", "/fields", "{\"key\":\"desk\",\"label\":\"Desk\",\"type\":\"string\"}");
    int before = trail().size();

    ApiResult again = asAlice("POST", "/fields", "{\"key\":\"desk\",\"label\":\"Desk\",\"type\":\"string\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(trail()).hasSize(before);
  }

  @Test
  void noRouteChangesOrDeletesAnEntry() {
    assertThat(Arrays.stream(AdminRoute.values())
        .filter(r -> r.template().contains("/audit"))
        .filter(r -> r.method() != HttpMethod.GET))
        .isEmpty();
  }
}
