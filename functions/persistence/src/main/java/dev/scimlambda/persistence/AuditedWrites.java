package dev.scimlambda.persistence;

import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.problem.Contention;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A single-item admin change and the audit entry of the request making it: one TransactWriteItems
 * of the two when an entry is due ({@link TableAccess#audit()}), the plain write otherwise. Either
 * both stand or neither. A failed condition of the change surfaces as the
 * {@link ConditionalCheckFailedException} the plain write would throw, so callers handle one
 * outcome; a transaction cancelled by a concurrent writer or throttling is {@link Contention}.
 */
final class AuditedWrites {

  private static final Set<String> THROTTLING_REASONS =
      Set.of("ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

  private AuditedWrites() { }

  static void write(TableAccess table, TransactWriteItem change) {
    write(table, change, null, null);
  }

  /** A change creating a resource, which names it in the entry (see {@code AuditedRequest.unwritten}). */
  static void write(TableAccess table, TransactWriteItem change, String createdWorkspaceId, String createdId) {
    Optional<AuditEntry> entry = table.audit().unwritten(createdWorkspaceId, createdId);
    if (entry.isEmpty()) {
      alone(table, change);
      return;
    }
    try {
      table.dynamo().transactWriteItems(b -> b.transactItems(change, DynamoAuditTrail.put(table, entry.get())));
    } catch (TransactionCanceledException e) {
      throw refusal(e, entry.get());
    }
    table.audit().written(entry.get());
  }

  private static RuntimeException refusal(TransactionCanceledException e, AuditEntry entry) {
    List<CancellationReason> reasons = e.cancellationReasons();
    if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
      return ConditionalCheckFailedException.builder().message(reasons.get(0).message()).build();
    }
    if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
      return DynamoAuditTrail.alreadyWritten(entry);
    }
    if (reasons.stream().anyMatch(r -> THROTTLING_REASONS.contains(r.code()))) {
      return Contention.throttled();
    }
    if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
      return Contention.concurrentWriters("this setting");
    }
    return e;
  }

  /** The same action as a plain PutItem, UpdateItem or DeleteItem: half the write units of a transaction. */
  private static void alone(TableAccess table, TransactWriteItem change) {
    if (change.put() != null) {
      Put p = change.put();
      table.dynamo().putItem(PutItemRequest.builder().tableName(p.tableName()).item(p.item())
          .conditionExpression(p.conditionExpression())
          .expressionAttributeNames(p.hasExpressionAttributeNames() ? p.expressionAttributeNames() : null)
          .expressionAttributeValues(p.hasExpressionAttributeValues() ? p.expressionAttributeValues() : null)
          .build());
    } else if (change.update() != null) {
      Update u = change.update();
      table.dynamo().updateItem(UpdateItemRequest.builder().tableName(u.tableName()).key(u.key())
          .updateExpression(u.updateExpression())
          .conditionExpression(u.conditionExpression())
          .expressionAttributeNames(u.hasExpressionAttributeNames() ? u.expressionAttributeNames() : null)
          .expressionAttributeValues(u.hasExpressionAttributeValues() ? u.expressionAttributeValues() : null)
          .build());
    } else if (change.delete() != null) {
      Delete d = change.delete();
      table.dynamo().deleteItem(DeleteItemRequest.builder().tableName(d.tableName()).key(d.key())
          .conditionExpression(d.conditionExpression())
          .expressionAttributeNames(d.hasExpressionAttributeNames() ? d.expressionAttributeNames() : null)
          .expressionAttributeValues(d.hasExpressionAttributeValues() ? d.expressionAttributeValues() : null)
          .build());
    } else {
      throw new IllegalArgumentException("a change is a put, an update or a delete");
    }
  }
}
