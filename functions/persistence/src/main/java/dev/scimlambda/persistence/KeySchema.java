package dev.scimlambda.persistence;

/**
 * The key design of the single table; docs/data-model.md explains each pattern and the access
 * pattern it serves. Attribute names match {@code infrastructure/table/scim-table.json}.
 */
public final class KeySchema {

  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";
  /** Epoch seconds after which DynamoDB's TTL may delete the item. */
  public static final String EXPIRES_AT = "expiresAt";
  /** Entity name on every item, so stream consumers can dispatch without parsing keys. */
  public static final String ENTITY = "entity";

  static final String WORKSPACE_SK = "WORKSPACE";
  static final String ALL_WORKSPACES = "WORKSPACES";
  static final String CONNECTION_SK = "CONNECTION";

  private KeySchema() {}

  /** Partition of everything a workspace owns directly. */
  static String workspacePartition(String workspaceId) {
    return "WS#" + workspaceId;
  }

  /** Partition of everything one connection owns: the connection item, its users and groups. */
  static String connectionPartition(String connectionId) {
    return "CONN#" + connectionId;
  }

  /** GSI1 partition listing a workspace's connections. */
  static String workspaceConnections(String workspaceId) {
    return "WS#" + workspaceId + "#CONNECTIONS";
  }
}
