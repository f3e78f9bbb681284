package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.appusers.AccountStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.DynamoFaults;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Seats under the failures DynamoDB gives concurrent writers: IdP requests activating and
 * deactivating people in parallel, while a share of the seat transactions is cancelled as
 * DynamoDB cancels them (TransactionConflict, or a ConditionalCheckFailed on the person's version
 * because someone else wrote them). The limit is never exceeded and the ledger ends equal to the
 * people holding a seat.
 */
class SeatLedgerUnderContentionTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";
  private static final int LIMIT = 4;

  static TestStack stack;
  static ScimApiHandler handler;

  @BeforeAll
  static void startStack() {
    stack = TestStack.start(Map.of(DynamoFaults.PROPERTY, "true"));
    handler = new ScimApiHandler(stack.context());
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  private static ApiResult call(IssuedConnection connection, String method, String path, String json) {
    return ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken())
        .body("application/scim+json", json).invoke(handler);
  }

  private static ApiResult setActive(IssuedConnection connection, String id, boolean active) {
    return call(connection, "PATCH", "/Users/" + id,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}");
  }

  private static boolean movesSeatOf(TransactWriteItem item, String ws) {
    return item.update() != null && item.update().key().get("sk").s().equals("SEATS")
        && item.update().key().get("pk").s().equals("WS#" + ws);
  }

  /**
   * Cancels {@code share} of the workspace's seat transactions, as DynamoDB does: most as a
   * conflict with another transaction, some as a failed version condition on the first action.
   */
  private static Function<Object, RuntimeException> cancelSeatTransactions(String ws, double share, AtomicInteger count) {
    Random random = new Random(15);
    return request -> {
      if (!(request instanceof TransactWriteItemsRequest tx) || tx.transactItems().stream().noneMatch(i -> movesSeatOf(i, ws))) {
        return null;
      }
      double roll;
      synchronized (random) {
        roll = random.nextDouble();
      }
      if (roll >= share) {
        return null;
      }
      count.incrementAndGet();
      String first = roll < share * 0.75 ? "TransactionConflict" : "ConditionalCheckFailed";
      List<CancellationReason> reasons = new ArrayList<>();
      reasons.add(CancellationReason.builder().code(first).build());
      tx.transactItems().stream().skip(1).forEach(i -> reasons.add(CancellationReason.builder().code("None").build()));
      return TransactionCanceledException.builder().message("Transaction cancelled").cancellationReasons(reasons).build();
    };
  }

  @Test
  void parallelActivationsAndDeactivationsWithCancelledTransactionsNeverExceedTheLimitAndLeaveTheLedgerExact()
      throws Exception {
    String ws = stack.context().getBean(Workspaces.class).create(Optional.empty(), "Contended", LIMIT).id();
    IssuedConnection okta = stack.context().getBean(Connections.class).create(ws, "Okta", "okta");
    List<String> ids = IntStream.range(0, 8).mapToObj(i -> call(okta, "POST", "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u" + i
                + "@example.com\",\"active\":false}").json().get("id").asText())
        .toList();
    AccountStore accounts = stack.context().getBean(AccountStore.class);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger cancelled = new AtomicInteger();
    List<Long> usedSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    ExecutorService idp = Executors.newFixedThreadPool(6);
    try (AutoCloseable faults = DynamoFaults.inject(cancelSeatTransactions(ws, 0.4, cancelled))) {
      List<CompletableFuture<Void>> requests = IntStream.range(0, 120).mapToObj(i -> CompletableFuture.runAsync(() -> {
        ApiResult result = setActive(okta, ids.get((i * 5) % ids.size()), i % 3 != 2);
        statuses.computeIfAbsent(result.status(), s -> new AtomicInteger()).incrementAndGet();
        usedSeen.add(accounts.seats(ws).used());
      }, idp)).toList();
      for (CompletableFuture<Void> request : requests) {
        request.join();
      }
    } finally {
      idp.shutdown();
    }

    assertThat(cancelled.get()).isPositive();
    assertThat(statuses.keySet()).isSubsetOf(200, 403, 429);
    assertThat(usedSeen).allSatisfy(used -> assertThat(used).isBetween(0L, (long) LIMIT));
    long used = accounts.seats(ws).used();
    assertThat(used).isLessThanOrEqualTo(LIMIT);
    assertThat(used).isEqualTo(accounts.countSeatHolders(ws));
    long activeWithSeat = ids.stream()
        .map(id -> call(okta, "GET", "/Users/" + id, null).json())
        .filter(user -> user.get("active").asBoolean())
        .count();
    // A person activated while every seat was taken was refused (403) and stayed inactive.
    assertThat(activeWithSeat).isEqualTo(used);
  }
}
