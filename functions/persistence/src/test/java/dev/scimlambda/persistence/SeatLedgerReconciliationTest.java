package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.appusers.Account;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.seats.SeatLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The seat ledger's reconciliation while seats move. The count of seat holders reads its pages one
 * after the other; the interleaving that used to fool it (a seat taken on a page already counted
 * and another freed on a page not yet counted, leaving {@code used} as it was) is injected
 * deterministically between two pages of the count.
 */
class SeatLedgerReconciliationTest {

  private static final String WS = "ws1";

  private final TableAccess real = TableFixture.newTable();
  private final Runnable[] betweenPages = {() -> {}};
  private final TableAccess paged = new TableAccess(countInPagesOfTwo(real.dynamo(), betweenPages), real.tableName());
  private final DynamoAccountStore store = new DynamoAccountStore(paged);
  private final Accounts accounts = new Accounts(store, new DynamoAccessGroupsStore(real), Clock.systemUTC());
  private final SeatLedger ledger = new SeatLedger(store, Clock.systemUTC(), Duration.ZERO);

  /**
   * A client whose seat-holder counts read two app users per page, as a large workspace's count
   * reads many pages, and that runs {@code between[0]} once, after the first page.
   */
  private static DynamoDbClient countInPagesOfTwo(DynamoDbClient client, Runnable[] between) {
    AtomicBoolean ran = new AtomicBoolean();
    return (DynamoDbClient) Proxy.newProxyInstance(
        DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("query") && args[0] instanceof Consumer<?> consumer) {
            QueryRequest.Builder builder = QueryRequest.builder();
            @SuppressWarnings("unchecked")
            Consumer<QueryRequest.Builder> build = (Consumer<QueryRequest.Builder>) consumer;
            build.accept(builder);
            QueryRequest request = builder.build();
            if (request.select() == Select.COUNT) {
              var page = client.query(request.toBuilder().limit(2).build());
              if (ran.compareAndSet(false, true)) {
                between[0].run();
              }
              return page;
            }
          }
          try {
            return method.invoke(client, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private void register(String id) {
    store.apply(accounts.forSsoRegistration(WS, id + "@example.com", null, id));
  }

  /** The person loses access (their IdP deactivated them): their seat is freed in the same transaction. */
  private void release(String id) {
    Account before = store.find(WS, id).orElseThrow();
    Account after = new Account(WS, id, before.email(), before.emailKey(), new TreeSet<>(), new TreeSet<>(),
        new TreeSet<>(), before.sso(), true, false, before.deprovisionedAt(), before.accessVersion() + 1);
    store.apply(new AccountChange(before, after, null, null, -1));
  }

  /** What a write around the transactions (a restore, a manual edit) leaves. */
  private void corruptLedger(long used) {
    real.dynamo().updateItem(b -> b.tableName(real.tableName())
        .key(SeatReservation.ledgerKey(WS))
        .updateExpression("SET #used = :used")
        .expressionAttributeNames(Map.of("#used", "used"))
        .expressionAttributeValues(Map.of(":used", AttributeValue.fromN(Long.toString(used)))));
  }

  @Test
  void everySeatTransactionMovesTheLedgersVersion() {
    register("b");
    register("c");
    release("b");
    assertThat(store.seats(WS).used()).isEqualTo(1);
    assertThat(store.seats(WS).version()).isEqualTo(3);
  }

  @Test
  void aSeatTakenAndAnotherFreedDuringTheCountLeaveTheLedgerEqualToTheHolders() {
    register("b");
    register("c");
    register("d");
    corruptLedger(5);
    // "a" is on the page already counted, "d" on the page not yet counted: this count says 2 while
    // three people hold a seat, and the ledger still says 5.
    betweenPages[0] = () -> {
      register("a");
      release("d");
    };

    Optional<SeatLedger.Drift> drift = ledger.reconcile(WS);

    assertThat(store.countSeatHolders(WS)).isEqualTo(3);
    assertThat(store.seats(WS).used()).isEqualTo(3);
    assertThat(drift).contains(new SeatLedger.Drift(5, 3));
    assertThat(store.seats(WS).lastDrift()).isEqualTo(2);
  }

  @Test
  void aLedgerThatAgreesIsLeftAsItIsWhileSeatsMove() {
    register("b");
    register("c");
    register("d");
    betweenPages[0] = () -> {
      register("a");
      release("d");
    };

    assertThat(ledger.reconcile(WS)).isEmpty();
    assertThat(store.seats(WS).used()).isEqualTo(3);
    assertThat(store.countSeatHolders(WS)).isEqualTo(3);
  }

  @Test
  void aRepairConditionedOnAnOlderVersionWritesNothing() {
    register("b");
    var seen = store.seats(WS);
    register("c");
    release("c");

    assertThat(store.repairSeats(WS, seen, 0, java.time.Instant.now())).isFalse();
    assertThat(store.seats(WS).used()).isEqualTo(1);
  }
}
