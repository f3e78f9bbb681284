package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.n;
import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.GSI1;
import static dev.scimlambda.persistence.KeySchema.GSI1_PK;
import static dev.scimlambda.persistence.KeySchema.GSI1_SK;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import dev.scimlambda.workspace.WorkspaceStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Workspaces: one item each in the workspace's own partition, listed through GSI1. */
public final class DynamoWorkspaceStore implements WorkspaceStore {

  static final String ENTITY = "Workspace";

  private final TableAccess table;
  private final Transactions tx;

  public DynamoWorkspaceStore(TableAccess table) {
    this.table = table;
    this.tx = new Transactions(table);
  }

  /** The seat limit is copied onto the seat ledger in the same transaction: one item's condition guards a seat. */
  @Override
  public void create(Workspace workspace) {
    try {
      tx.run(List.of(tx.putIfAbsent(toItem(workspace), "id"), seatLimit(workspace)), workspace.id(), workspace.id());
    } catch (UniquenessViolation e) {
      throw new ConflictException("workspace " + workspace.id() + " already exists");
    }
  }

  private Transactions.Write seatLimit(Workspace workspace) {
    Integer limit = workspace.seatLimit();
    return tx.update(new Transactions.UpdateSpec(SeatReservation.ledgerKey(workspace.id()),
        limit == null ? "REMOVE #limit" : "SET #limit = :limit", null, Map.of("#limit", "seatLimit"),
        limit == null ? Map.of() : Map.of(":limit", n(limit))), null);
  }

  @Override
  public Optional<Workspace> find(String id) {
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
  }

  @Override
  public List<Workspace> list() {
    return table.dynamo()
        .queryPaginator(b -> b.tableName(table.tableName())
            .indexName(GSI1)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", GSI1_PK))
            .expressionAttributeValues(Map.of(":pk", s(KeySchema.ALL_WORKSPACES))))
        .items()
        .stream()
        .map(item -> fromItem(Item.of(item)))
        .toList();
  }

  @Override
  public void update(Workspace updated) {
    try {
      tx.run(List.of(tx.putIfVersion(toItem(updated), updated.version() - 1), seatLimit(updated)));
    } catch (VersionMismatch e) {
      throw new ConflictException("workspace " + updated.id() + " was changed concurrently");
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(PK, s(KeySchema.workspacePartition(id)), SK, s(KeySchema.WORKSPACE_SK));
  }

  private static Map<String, AttributeValue> toItem(Workspace w) {
    IdentitySettings settings = w.identitySettings();
    Item item = Item.of(new java.util.HashMap<>(key(w.id())))
        .put(GSI1_PK, KeySchema.ALL_WORKSPACES)
        .put(GSI1_SK, KeySchema.workspacePartition(w.id()))
        .put(KeySchema.ENTITY, ENTITY)
        .put("id", w.id())
        .put("name", w.name())
        .put("seatLimit", w.seatLimit())
        .put("sessionDuration", settings.sessionDuration())
        .put("sessionsValidAfter", settings.sessionsValidAfter())
        .put("revokeSessionsOnDeprovision", settings.revokeSessionsOnDeprovision())
        .put("createdAt", w.createdAt())
        .put("updatedAt", w.updatedAt())
        .put("version", w.version());
    return item.values();
  }

  private static Workspace fromItem(Item item) {
    return new Workspace(
        item.string("id"),
        item.string("name"),
        item.integer("seatLimit"),
        new IdentitySettings(
            item.duration("sessionDuration"), item.instant("sessionsValidAfter"), item.bool("revokeSessionsOnDeprovision")),
        item.instant("createdAt"),
        item.instant("updatedAt"),
        item.number("version"));
  }
}
