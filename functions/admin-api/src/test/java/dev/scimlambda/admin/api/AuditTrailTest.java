package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.events.delivery.OutboundEvent;
import dev.scimlambda.events.delivery.Delivery;
import dev.scimlambda.events.delivery.DeliveryLog;
import dev.scimlambda.events.delivery.DeliveryStatus;
import dev.scimlambda.events.delivery.WebhookOutbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.scimlambda.testing.DynamoFaults;
import dev.scimlambda.runtime.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin write and every secret reveal leaves an entry in the workspace's audit trail, with
 * who, what, on what, when, from where; reads, refusals and failures leave none; the trail is read
 * newest first, in pages, and cannot be changed through the API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailTest {

  static final TestIssuer ISSUER = TestIssuer.create();
  static final String USER_AGENT = "AuditTrailTest/1.0";
  static TestStack stack;
  static AdminApiHandler handler;
  static String ws;
  static String alice;
  static String connectionId;
  static String pullConnectionId;
  static String userId;
  static String deliveryId;

  @BeforeAll
  static void start() {
    Map<String, Object> settings = new HashMap<>(ISSUER.settings());
    settings.put(DynamoFaults.PROPERTY, "true");
    // A directory that refuses connections: runs end at once, failed, and Sync now can start another.
    settings.put(Setting.SYNC_GRAPH_LOGIN_URL.property(), "http://127.0.0.1:" + closedPort() + "/login");
    settings.put(Setting.SYNC_ALLOW_LOOPBACK_HTTP.property(), "true");
    stack = TestStack.start(settings);
    handler = new AdminApiHandler(stack.context());
    ws = ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN).header("User-Agent", USER_AGENT)
        .json("{\"name\":\"Audited\"}").invoke(handler).json().get("id").asText();
    alice = ISSUER.adminOf("alice@audited.test", ws);
    connectionId = asAlice("POST", "/connections", "{\"name\":\"Okta\",\"type\":\"generic\"}").json()
        .get("id").asText();
    pullConnectionId = asAlice("POST", "/connections", "{\"name\":\"Contoso\",\"type\":\"microsoft_graph\","
        + "\"credentials\":" + GRAPH_CREDENTIALS + "}").json().get("id").asText();
    awaitNoRunningSync();
    userId = asAlice("POST", "/users", "{\"email\":\"ada@audited.test\",\"source\":\"sso\"}").json().get("id").asText();
    stack.context().registerSingleton(WebhookOutbox.class, new RecordingOutbox());
    deliveryId = aFailedDelivery("evt_audited").id();
    aFailedDelivery("evt_audited_too"); // left for the bulk redelivery after the single one
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static final String GRAPH_CREDENTIALS = "{\"tenantId\":\"contoso.onmicrosoft.com\","
      + "\"clientId\":\"11111111-2222-3333-4444-555555555555\",\"clientSecret\":\"audited-secret\"}";

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sync now answers a running run instead of starting one; the audited call must start one. */
  static void awaitNoRunningSync() {
    for (int poll = 0; poll < 200; poll++) {
      ApiResult listed = asAlice("GET", "/connections/" + pullConnectionId + "/sync-runs", null);
      assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
      JsonNode runs = listed.json().get("runs");
      if (StreamSupport.stream(runs.spliterator(), false).noneMatch(r -> r.get("status").asText().equals("running"))) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the first run of " + pullConnectionId + " did not end");
  }

  /** A delivery whose attempts ran out, as the engine leaves it, for the redelivery routes. */
  static Delivery aFailedDelivery(String eventId) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OutboundEvent event = new OutboundEvent(ws, eventId, "user.created", at, "{\"id\":\"" + eventId + "\"}");
    Delivery failed = new Delivery(ws, Delivery.pending(event, at).id(), event.eventId(), event.eventType(), at, at,
        DeliveryStatus.FAILED, 14, List.of(), Optional.empty(), "gave up", event.body());
    stack.context().getBean(DeliveryLog.class).save(failed);
    return failed;
  }

  static ApiResult asAlice(String method, String below, String json) {
    ApiCall call = ApiCall.of(method, "/admin/v1/workspaces/" + ws + below).bearer(alice).header("User-Agent", USER_AGENT);
    return (json == null ? call : call.json(json)).invoke(handler);
  }

  /** The audit items {@code call} put: in a TransactWriteItems with its change, or on their own. */
  record AuditPuts(int inTransactions, int alone) { }

  static AuditPuts auditPutsOf(Runnable call) throws Exception {
    List<Object> requests = new CopyOnWriteArrayList<>();
    try (AutoCloseable observed = DynamoFaults.inject(request -> {
      requests.add(request);
      return null;
    })) {
      call.run();
    }
    int inTransactions = 0;
    int alone = 0;
    for (Object request : requests) {
      if (request instanceof TransactWriteItemsRequest tx) {
        long audit = tx.transactItems().stream().filter(i -> i.put() != null && isAudit(i.put().item())).count();
        if (audit > 0 && tx.transactItems().size() > audit) {
          inTransactions += (int) audit;
        }
      } else if (request instanceof PutItemRequest put && isAudit(put.item())) {
        alone++;
      }
    }
    return new AuditPuts(inTransactions, alone);
  }

  private static boolean isAudit(Map<String, AttributeValue> item) {
    return item.get("pk").s().endsWith("#AUDIT");
  }

  static List<JsonNode> trail() {
    JsonNode page = ApiCall.of("GET", "/admin/v1/workspaces/" + ws + "/audit").bearer(alice).invoke(handler).json();
    return StreamSupport.stream(page.get("entries").spliterator(), false).toList();
  }

  /** One audited route, called the way its admin would. */
  record Write(AdminRoute route, String method, Function<Void, String> path, String json) {
    @Override
    public String toString() {
      return route.name();
    }

    ApiResult call() {
      return asAlice(method, path.apply(null), json);
    }
  }

  static Write write(AdminRoute route, String below, String json) {
    return new Write(route, route.method().name(), v -> below.replace("{c}", connectionId)
        .replace("{p}", pullConnectionId).replace("{u}", userId)
        .replace("{d}", deliveryId), json);
  }

  /** In an order that leaves each call something to act on; the workspace's creation is checked apart. */
  static Stream<Write> writes() {
    return Stream.of(
        write(AdminRoute.CHANGE_WORKSPACE, "", "{\"name\":\"Audited, renamed\"}"),
        write(AdminRoute.CREATE_CONNECTION, "/connections", "{\"name\":\"Entra\",\"type\":\"generic\"}"),
        write(AdminRoute.REVEAL_CONNECTION_SECRET, "/connections/{c}/secret", null),
        write(AdminRoute.ROTATE_CONNECTION_SECRET, "/connections/{c}/rotate-secret", null),
        write(AdminRoute.SET_CONNECTION_ACCESS, "/connections/{c}/access", "{\"groups\":[]}"),
        write(AdminRoute.SET_CONNECTION_MAPPING, "/connections/{c}/mapping", "{}"),
        write(AdminRoute.REPLACE_DIRECTORY_CREDENTIALS, "/connections/{p}/credentials", GRAPH_CREDENTIALS),
        write(AdminRoute.SET_DIRECTORY_SYNC, "/connections/{p}/directory-sync", "{\"syncInterval\":\"PT1H\"}"),
        write(AdminRoute.SYNC_NOW, "/connections/{p}/sync", null),
        write(AdminRoute.CREATE_FIELD, "/fields", "{\"key\":\"costCenter\",\"label\":\"Cost center\",\"type\":\"string\"}"),
        write(AdminRoute.DELETE_FIELD, "/fields/costCenter", null),
        write(AdminRoute.CREATE_USER, "/users", "{\"email\":\"grace@audited.test\",\"source\":\"sso\"}"),
        write(AdminRoute.DELETE_USER, "/users/{u}", null),
        write(AdminRoute.RECONCILE, "/reconcile", null),
        write(AdminRoute.REVOKE_SESSIONS, "/sessions/revoke", null),
        write(AdminRoute.SET_WEBHOOK, "/webhook", "{\"url\":\"https://hooks.audited.test/scim\"}"),
        write(AdminRoute.ROTATE_WEBHOOK_SECRET, "/webhook/secret/rotate", null),
        write(AdminRoute.REDELIVER_WEBHOOK_DELIVERY, "/webhook/deliveries/{d}/redeliver", null),
        write(AdminRoute.REDELIVER_FAILED_WEBHOOK_DELIVERIES, "/webhook/deliveries/redeliver",
            "{\"since\":\"2026-01-01T00:00:00Z\"}"),
        write(AdminRoute.DELETE_WEBHOOK, "/webhook", null),
        write(AdminRoute.DELETE_CONNECTION, "/connections/{c}?deprovision=false", null));
  }

  @Test
  @Order(1)
  void everyAuditedRouteIsInTheTable() {
    // Creating the workspace and minting setup links are the operator's, checked in their own tests.
    List<AdminRoute> covered = Stream.concat(writes().map(Write::route),
        Stream.of(AdminRoute.CREATE_WORKSPACE, AdminRoute.CREATE_SETUP_LINK)).toList();
    assertThat(Arrays.stream(AdminRoute.values()).filter(AdminRoute::audited)).allSatisfy(r -> assertThat(covered).contains(r));
  }

  @Test
  @Order(2)
  void creatingTheWorkspaceIsItsFirstEntry() {
    JsonNode first = trail().get(trail().size() - 1);
    assertThat(first.get("action").asText()).isEqualTo("create_workspace");
    assertThat(first.get("actor").asText()).isEqualTo("operator");
    assertThat(first.get("target").asText()).isEqualTo("/admin/v1/workspaces/" + ws);
  }

  /**
   * Routes whose entry is written on its own: the reveal reads Secrets Manager and writes nothing
   * to the table; this reconciliation finds nothing to repair, so there is no change to join.
   */
  static final Set<AdminRoute> NO_DYNAMODB_CHANGE = Set.of(AdminRoute.REVEAL_CONNECTION_SECRET, AdminRoute.RECONCILE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  @Order(3)
  void eachWriteAndRevealIsRecordedWithWhoWhatWhenAndWhere(Write write) throws Exception {
    ApiResult[] answer = new ApiResult[1];
    AuditPuts puts = auditPutsOf(() -> answer[0] = write.call());
    ApiResult result = answer[0];
    assertThat(result.status()).as(result.toString()).isBetween(200, 299);
    assertThat(puts).isEqualTo(NO_DYNAMODB_CHANGE.contains(write.route()) ? new AuditPuts(0, 1) : new AuditPuts(1, 0));

    JsonNode newest = trail().get(0);
    assertThat(newest.get("action").asText()).isEqualTo(write.route().name().toLowerCase(Locale.ROOT));
    assertThat(newest.get("actor").asText()).isEqualTo("alice@audited.test");
    assertThat(newest.get("target").asText()).startsWith("/admin/v1/workspaces/" + ws);
    assertThat(newest.get("at").asText()).isNotBlank();
    assertThat(newest.get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(newest.get("userAgent").asText()).isEqualTo(USER_AGENT);
  }

  @Test
  @Order(3)
  void mintingASetupLinkIsRecordedWithoutItsToken() throws Exception {
    ApiResult[] answer = new ApiResult[1];
    AuditPuts puts = auditPutsOf(() -> answer[0] = ApiCall.of("POST", "/admin/v1/workspaces/" + ws + "/setup-links")
        .bearer(TestStack.ADMIN_TOKEN).json("{}").invoke(handler));
    assertThat(puts).isEqualTo(new AuditPuts(1, 0));
    ApiResult minted = answer[0];
    String url = minted.json().get("url").asText();
    JsonNode newest = trail().get(0);
    assertThat(newest.get("action").asText()).isEqualTo("create_setup_link");
    assertThat(newest.get("actor").asText()).isEqualTo("operator");
    assertThat(newest.toString()).doesNotContain(url.substring(url.indexOf("token=") + 6));
  }

  @Test
  @Order(4)
  void readsRefusalsAndFailuresLeaveNoEntry() {
    int before = trail().size();
    asAlice("GET", "/connections", null);
    asAlice("POST", "/sessions/check", "{\"email\":\"nobody@audited.test\",\"issuedAt\":\"2026-01-01T00:00:00Z\"}");
    asAlice("POST", "/fields", "{\"key\":\"\"}");
    ApiCall.of("PATCH", "/admin/v1/workspaces/" + ws).bearer(ISSUER.adminOf("mallory", "elsewhere"))
        .json("{\"name\":\"Mine\"}").invoke(handler);
    assertThat(trail()).hasSize(before);
  }

  @Test
  @Order(5)
  void theTrailIsPagedNewestFirst() {
    JsonNode first = ApiCall.of("GET", "/admin/v1/workspaces/" + ws + "/audit?limit=2").bearer(alice).invoke(handler).json();
    String cursor = first.get("nextCursor").asText();
    JsonNode second = ApiCall.of("GET", "/admin/v1/workspaces/" + ws + "/audit?limit=2&cursor=" + cursor).bearer(alice)
        .invoke(handler).json();
    List<JsonNode> all = trail();
    assertThat(List.of(first.get("entries").get(0), first.get("entries").get(1), second.get("entries").get(0),
        second.get("entries").get(1))).isEqualTo(all.subList(0, 4));
    assertThat(all.stream().map(e -> e.get("at").asText()).toList())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  @Order(6)
  void aGarbledCursorOrLimitIs400() {
    assertThat(ApiCall.of("GET", "/admin/v1/workspaces/" + ws + "/audit?cursor=abc").bearer(alice).invoke(handler)
        .status()).isEqualTo(400);
    assertThat(ApiCall.of("GET", "/admin/v1/workspaces/" + ws + "/audit?limit=1000").bearer(alice).invoke(handler)
        .status()).isEqualTo(400);
  }

  @Test
  @Order(7)
  void theTrailCannotBeChangedThroughTheApi() {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      ApiResult result = ApiCall.of(method, "/admin/v1/workspaces/" + ws + "/audit").bearer(TestStack.ADMIN_TOKEN)
          .json("{}").invoke(handler);
      assertThat(result.status()).as(method).isEqualTo(405);
    }
  }
}
