package dev.scimlambda.persistence;

import dev.scimlambda.audit.AuditedRequest;
import dev.scimlambda.problem.ConflictException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The table and client every store shares, and the DynamoDB actions the stores call. {@code audit}
 * is the admin request whose audit entry the stores write with its change ({@link AuditedWrites}).
 */
public record TableAccess(DynamoDbClient dynamo, String tableName, AuditedRequest audit) {

  /** Where no admin request is audited: the SCIM and stream functions, tests of other stores. */
  public TableAccess(DynamoDbClient dynamo, String tableName) {
    this(dynamo, tableName, AuditedRequest.NONE);
  }

  /**
   * Exactly the IAM actions the stores need; the template grants these and no more. Transactions
   * have no action of their own: IAM checks each item as PutItem, UpdateItem, DeleteItem or
   * ConditionCheckItem. Batches are checked as BatchGetItem and BatchWriteItem.
   */
  public static final Set<String> IAM_ACTIONS =
      Set.of(
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:Query",
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem");

  /** Runs a conditional write, turning a failed condition into the domain's conflict. */
  static <T> T conditional(Supplier<T> write, String conflictMessage) {
    try {
      return write.get();
    } catch (ConditionalCheckFailedException e) {
      throw new ConflictException(conflictMessage);
    }
  }

  /** As {@link #conditional(Supplier, String)}, for a write that returns nothing. */
  static void conditionalWrite(Runnable write, String conflictMessage) {
    conditional(() -> {
      write.run();
      return null;
    }, conflictMessage);
  }

  /** Every item of {@code partition} whose sort key begins with {@code skPrefix}, all pages. */
  Stream<Map<String, AttributeValue>> itemsWithPrefix(String partition, String skPrefix, boolean consistentRead) {
    return dynamo.queryPaginator(b -> b.tableName(tableName)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", KeySchema.PK, "#sk", KeySchema.SK))
            .expressionAttributeValues(Map.of(":pk", Item.s(partition), ":prefix", Item.s(skPrefix)))
            .consistentRead(consistentRead))
        .items()
        .stream();
  }
}
