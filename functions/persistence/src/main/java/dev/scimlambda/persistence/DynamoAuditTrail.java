package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.audit.AuditEntryExists;
import dev.scimlambda.audit.AuditTrail;
import dev.scimlambda.problem.InvalidInputException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The audit trail: one item per entry in the partition {@code WS#<ws>#AUDIT}, sort key the entry's
 * fixed-width time then its id, so a backwards query reads newest first. Every put is conditional
 * on the key being new, so an entry is never overwritten and never written twice. Most entries are
 * put by {@link AuditedWrites} in their change's transaction; {@link #record} writes one alone,
 * for a change that is no DynamoDB write (a secret reveal). No TTL: an audit trail outlives the
 * activity log; a workspace purge removes it with the workspace.
 */
public final class DynamoAuditTrail implements AuditTrail {

  public static final String ENTITY = "AuditEntry";
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** A sort key is 24 characters of time, '#', a 36-character UUID. */
  private static final String NEW_KEY = "attribute_not_exists(#pk)";
  private static final int CURSOR_LENGTH = 61;

  private final TableAccess table;

  public DynamoAuditTrail(TableAccess table) {
    this.table = table;
  }

  /** Writes {@code e} alone; an entry already written (by its change's transaction) stays as it is. */
  @Override
  public void record(AuditEntry e) {
    try {
      table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item(e))
          .conditionExpression(NEW_KEY).expressionAttributeNames(Map.of("#pk", PK)));
    } catch (ConditionalCheckFailedException alreadyWritten) {
      // The request's change wrote it; one entry per request.
    }
  }

  /** The put of {@code e} for the transaction of the change it records; it fails if the entry exists. */
  static TransactWriteItem put(TableAccess table, AuditEntry e) {
    return TransactWriteItem.builder().put(p -> p.tableName(table.tableName()).item(item(e))
        .conditionExpression(NEW_KEY).expressionAttributeNames(Map.of("#pk", PK))).build();
  }

  /** The refusal of a change whose transaction found the request's entry already written. */
  static AuditEntryExists alreadyWritten(AuditEntry e) {
    return new AuditEntryExists(e.id());
  }

  private static Map<String, AttributeValue> item(AuditEntry e) {
    return Item.create()
        .put(PK, KeySchema.auditPartition(e.workspaceId()))
        .put(SK, KeySchema.auditSk(SORTABLE.format(e.at()), e.id()))
        .put("id", e.id())
        .put(KeySchema.ENTITY, ENTITY)
        .put("workspaceId", e.workspaceId())
        .put("at", e.at())
        .put("actor", e.actor())
        .put("action", e.action())
        .put("target", e.target())
        .put("sourceIp", e.sourceIp())
        .put("userAgent", e.userAgent())
        .values();
  }

  @Override
  public Page newestFirst(String workspaceId, int limit, String cursor) {
    String pk = KeySchema.auditPartition(workspaceId);
    Map<String, AttributeValue> start = cursor == null ? null : Map.of(PK, s(pk), SK, s(validCursor(cursor)));
    QueryResponse response = table.dynamo().query(b -> b.tableName(table.tableName())
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", PK))
        .expressionAttributeValues(Map.of(":pk", s(pk)))
        .scanIndexForward(false)
        .limit(limit)
        .exclusiveStartKey(start));
    List<AuditEntry> entries = new ArrayList<>();
    response.items().forEach(item -> entries.add(fromItem(Item.of(item))));
    boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    return new Page(entries, more ? response.lastEvaluatedKey().get(SK).s() : null);
  }

  private static String validCursor(String cursor) {
    boolean wellFormed = cursor.length() == CURSOR_LENGTH && cursor.charAt(24) == '#'
        && cursor.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '.' || c == '#');
    if (!wellFormed) {
      throw new InvalidInputException("cursor", "cursor must be a nextCursor of a previous page");
    }
    return cursor;
  }

  private static AuditEntry fromItem(Item item) {
    // Entries written before ids were stored carry theirs only in the sort key.
    String id = item.string("id") != null ? item.string("id") : item.string(SK).substring(CURSOR_LENGTH - 36);
    return new AuditEntry(item.string("workspaceId"), id, item.instant("at"), item.string("actor"),
        item.string("action"), item.string("target"), item.string("sourceIp"), item.string("userAgent"));
  }
}
