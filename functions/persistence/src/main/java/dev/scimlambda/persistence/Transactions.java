package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.KeySchema.PK;

import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.Retries;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.seats.SeatsExhausted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The TransactWriteItems of a resource store: the actions, each remembering which guard it is, and
 * running them so a failed guard condition names its attribute and a failed version condition is a
 * concurrent change.
 */
final class Transactions {

  static final int TRANSACTION_ATTEMPTS = 3;
  /** DynamoDB's limit of actions in one TransactWriteItems. */
  static final int MAX_ITEMS = 100;
  /**
   * Marks a membership put conditioned on absence or a delete conditioned on presence: its failed
   * condition means "already so", which {@link MembershipsAlreadySo} reports instead of a conflict.
   */
  static final String MEMBERSHIP = "membership";

  /** Cancellation reasons that mean the table refused the work for now, not that the data disagreed. */
  private static final Set<String> THROTTLING_REASONS =
      Set.of("ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

  private final TableAccess table;

  Transactions(TableAccess table) {
    this.table = table;
  }

  /** One action of a transaction, remembering which guard it is so a failed condition can be named. */
  record Write(TransactWriteItem item, String guardOf) {}

  /**
   * Runs the writes as one transaction and translates which condition failed. A transaction that
   * collided with another one on the same items is retried a few times (DynamoDB cancels both
   * sides), then reported as a concurrent change; one cancelled for throttling is retried the same
   * way, then reported as {@link Contention}.
   */
  void run(List<Write> writes) {
    run(writes, null, null);
  }

  /**
   * As {@link #run(List)}, with the admin request's audit entry put in the same transaction when
   * one is due and there is room; a change creating a resource names it (see
   * {@code AuditedRequest.unwritten}).
   */
  void run(List<Write> writes, String createdWorkspaceId, String createdId) {
    Optional<AuditEntry> entry = writes.size() < MAX_ITEMS
        ? table.audit().unwritten(createdWorkspaceId, createdId) : Optional.empty();
    List<TransactWriteItem> items = new ArrayList<>(writes.stream().map(Write::item).toList());
    entry.ifPresent(e -> items.add(DynamoAuditTrail.put(table, e)));
    // After the last attempt a conflict is a lost race the caller may re-read and retry; throttling is not.
    Retries.untilWon(TRANSACTION_ATTEMPTS, Contended.class::isInstance, attempt -> {
      try {
        table.dynamo().transactWriteItems(b -> b.transactItems(items));
      } catch (TransactionCanceledException e) {
        throw refusal(e, writes, items, entry);
      }
      entry.ifPresent(table.audit()::written);
      return null;
    }, lost -> ((Contended) lost).throttled ? Contention.throttled() : new VersionMismatch(), this::pause);
  }

  /**
   * What a cancelled transaction means: a failed condition names its guard (the audit entry, a
   * membership already so, the seat reservation, a unique value, else the version); a conflict with
   * another transaction or throttling is {@link Contended}, worth another attempt.
   */
  private static RuntimeException refusal(TransactionCanceledException e, List<Write> writes,
      List<TransactWriteItem> items, Optional<AuditEntry> entry) {
    List<CancellationReason> reasons = e.cancellationReasons();
    if (entry.isPresent() && reasons.size() == items.size()
        && "ConditionalCheckFailed".equals(reasons.get(writes.size()).code())) {
      return DynamoAuditTrail.alreadyWritten(entry.get());
    }
    Map<Integer, Map<String, AttributeValue>> alreadySo = new java.util.TreeMap<>();
    for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
      if ("ConditionalCheckFailed".equals(reasons.get(i).code()) && MEMBERSHIP.equals(writes.get(i).guardOf())) {
        alreadySo.put(i, reasons.get(i).hasItem() ? reasons.get(i).item() : Map.of());
      }
    }
    for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
      if ("ConditionalCheckFailed".equals(reasons.get(i).code()) && !alreadySo.containsKey(i)) {
        String guardOf = writes.get(i).guardOf();
        if (SeatReservation.GUARD.equals(guardOf)) {
          return new SeatsExhausted();
        }
        return guardOf != null ? new UniquenessViolation(guardOf) : new VersionMismatch();
      }
    }
    if (!alreadySo.isEmpty()) {
      return new MembershipsAlreadySo(alreadySo);
    }
    boolean throttled = reasons.stream().anyMatch(r -> THROTTLING_REASONS.contains(r.code()));
    boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    return conflict || throttled ? new Contended(throttled) : e;
  }

  /** A transaction cancelled by a concurrent one, or throttled: tried again after a pause. */
  private static final class Contended extends RuntimeException {
    final boolean throttled;

    Contended(boolean throttled) {
      super(null, null, false, false);
      this.throttled = throttled;
    }
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 20L << attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new VersionMismatch();
    }
  }

  Write update(UpdateSpec spec, String guardOf) {
    return new Write(TransactWriteItem.builder().update(u -> {
      u.tableName(table.tableName()).key(spec.key()).updateExpression(spec.expression());
      if (spec.condition() != null) {
        u.conditionExpression(spec.condition());
      }
      if (!spec.names().isEmpty()) {
        u.expressionAttributeNames(spec.names());
      }
      if (!spec.values().isEmpty()) {
        u.expressionAttributeValues(spec.values());
      }
    }).build(), guardOf);
  }

  /** An UpdateItem as parts, for actions built up from optional clauses. */
  record UpdateSpec(
      Map<String, AttributeValue> key,
      String expression,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {}

  Write put(Map<String, AttributeValue> item) {
    return new Write(TransactWriteItem.builder().put(p -> p.tableName(table.tableName()).item(item)).build(), null);
  }

  Write putIfAbsent(Map<String, AttributeValue> item, String guardOf) {
    return new Write(TransactWriteItem.builder().put(p -> p.tableName(table.tableName()).item(item)
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", PK))).build(), guardOf);
  }

  Write putIfVersion(Map<String, AttributeValue> item, long expectedVersion) {
    return new Write(TransactWriteItem.builder().put(p -> p.tableName(table.tableName()).item(item)
        .conditionExpression("#version = :expected")
        .expressionAttributeNames(Map.of("#version", "version"))
        .expressionAttributeValues(Map.of(":expected", Item.n(expectedVersion)))).build(), null);
  }

  /** A membership put that fails when the membership exists, reporting the stored one. */
  Write putMembershipIfAbsent(Map<String, AttributeValue> item) {
    return new Write(TransactWriteItem.builder().put(p -> p.tableName(table.tableName()).item(item)
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", PK))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(), MEMBERSHIP);
  }

  /** A membership delete that fails when there is no such membership. */
  Write deleteMembershipIfPresent(Map<String, AttributeValue> key) {
    return new Write(TransactWriteItem.builder().delete(d -> d.tableName(table.tableName()).key(key)
        .conditionExpression("attribute_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", PK))).build(), MEMBERSHIP);
  }

  /**
   * A transaction cancelled only because some memberships were already as it would leave them (a
   * put of a present one, a delete of an absent one): nothing was written. Carries, by action
   * index, the stored item of each such put (empty for a delete), so the caller can write the rest.
   */
  static final class MembershipsAlreadySo extends RuntimeException {
    private final transient Map<Integer, Map<String, AttributeValue>> stored;

    MembershipsAlreadySo(Map<Integer, Map<String, AttributeValue>> stored) {
      super("memberships already so: " + stored.keySet(), null, false, false);
      this.stored = stored;
    }

    Map<Integer, Map<String, AttributeValue>> stored() {
      return stored;
    }
  }

  Write delete(Map<String, AttributeValue> key) {
    return new Write(TransactWriteItem.builder().delete(d -> d.tableName(table.tableName()).key(key)).build(), null);
  }

  Write deleteIf(Map<String, AttributeValue> key, String condition, Map<String, String> names,
      Map<String, AttributeValue> values) {
    return new Write(TransactWriteItem.builder().delete(d -> d.tableName(table.tableName()).key(key)
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)).build(), null);
  }

  Write deleteIfVersion(Map<String, AttributeValue> key, long expectedVersion) {
    return new Write(TransactWriteItem.builder().delete(d -> d.tableName(table.tableName()).key(key)
        .conditionExpression("#version = :expected")
        .expressionAttributeNames(Map.of("#version", "version"))
        .expressionAttributeValues(Map.of(":expected", Item.n(expectedVersion)))).build(), null);
  }

  /** {@code ADD count :delta} on a counter item. */
  Write countChange(Map<String, AttributeValue> key, int delta) {
    return new Write(TransactWriteItem.builder().update(u -> u.tableName(table.tableName())
        .key(key)
        .updateExpression("ADD #count :delta")
        .expressionAttributeNames(Map.of("#count", "count"))
        .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Integer.toString(delta))))).build(), null);
  }
}
