package dev.scimlambda.persistence;

/**
 * The key design of the single table; docs/data-model.md explains each pattern and the access
 * pattern it serves. Attribute names match {@code infrastructure/libraries/table/.../scim-table.json}.
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
  static final String WEBHOOK_SK = "WEBHOOK";
  /** The circuit of the workspace webhook's endpoint, next to the webhook. */
  static final String WEBHOOK_CIRCUIT_SK = "WEBHOOK_CIRCUIT";
  static final String DELIVERY_PREFIX = "DELIVERY#";
  static final String CONNECTION_SK = "CONNECTION";
  static final String USER_PREFIX = "USER#";
  static final String USER_COUNT_SK = "USER_COUNT";
  static final String GROUP_PREFIX = "GROUP#";
  static final String GROUP_COUNT_SK = "GROUP_COUNT";
  static final String MEMBER_PREFIX = "MEMBER#";
  /** The scheduled reconciliation's position: one item for the deployment. */
  static final String RECONCILIATION_PARTITION = "RECONCILIATION";
  static final String RECONCILIATION_PROGRESS_SK = "PROGRESS";

  private KeySchema() {}

  /** Partition of everything a workspace owns directly. */
  static String workspacePartition(String workspaceId) {
    return "WS#" + workspaceId;
  }

  /**
   * Partition of a pull connection's Directory Sync: its state ({@link #DIRECTORY_SYNC_STATE_SK}),
   * runs ({@link #syncRunSk}), and per directory id what was applied ({@code USER#}, {@code GROUP#},
   * {@code MEMBER#<group>#<user>}). Apart from the connection's partition, so nothing that walks a
   * connection's users and groups meets these items.
   */
  static String directorySyncPartition(String connectionId) {
    return "DSYNC#" + connectionId;
  }

  static final String DIRECTORY_SYNC_STATE_SK = "STATE";
  static final String SYNC_RUN_PREFIX = "RUN#";

  /** Run ids lead with their start time, so the sort key orders runs by it. */
  static String syncRunSk(String runId) {
    return SYNC_RUN_PREFIX + runId;
  }

  /** Partition of everything one connection owns: the connection item, its users and groups. */
  static String connectionPartition(String connectionId) {
    return "CONN#" + connectionId;
  }

  /** A webhook delivery; its id leads with the event's time, so the sort key orders deliveries by it. */
  static String deliverySk(String deliveryId) {
    return DELIVERY_PREFIX + deliveryId;
  }

  static String userSk(String userId) {
    return USER_PREFIX + userId;
  }

  /** Guard making userName unique per connection (case-insensitive: the key is lower-cased). */
  static String userNameGuard(String userNameKey) {
    return "USERNAME#" + userNameKey;
  }

  static String userExternalIdGuard(String externalId) {
    return "USER_EXTID#" + externalId;
  }

  /** Lookup item for {@code emails.value eq}; not unique, so the user id ends the key. */
  static String userEmailIndex(String emailKey, String userId) {
    return userEmailIndexPrefix(emailKey) + userId;
  }

  static String userEmailIndexPrefix(String emailKey) {
    return "USER_EMAIL#" + emailKey + "#";
  }

  static String groupSk(String groupId) {
    return GROUP_PREFIX + groupId;
  }

  /** Guard making displayName unique per connection (case-insensitive: the key is lower-cased). */
  static String groupNameGuard(String displayNameKey) {
    return "GROUPNAME#" + displayNameKey;
  }

  static String groupExternalIdGuard(String externalId) {
    return "GROUP_EXTID#" + externalId;
  }

  /** Partition of one group's membership items, so its members page without touching the group item. */
  static String groupMembersPartition(String connectionId, String groupId) {
    return connectionPartition(connectionId) + "#" + groupSk(groupId);
  }

  /** One part of a staged group change's operations, next to the group's memberships. */
  static String groupChangeSk(String changeId, int part) {
    return groupChangePrefix(changeId) + String.format("%04d", part);
  }

  static String groupChangePrefix(String changeId) {
    return "CHANGE#" + changeId + "#";
  }

  static String memberSk(String memberId) {
    return MEMBER_PREFIX + memberId;
  }

  /** GSI1 partition of one member's membership items: the groups a user or group is in. */
  static String memberGroups(String connectionId, String memberId) {
    return connectionPartition(connectionId) + "#MEMBER#" + memberId;
  }

  /** Partition of the page cursors of one list query. */
  static String cursorPartition(String scope, String queryKey) {
    return "CURSOR#" + scope + "#" + queryKey;
  }

  static String cursorSk(long startIndex) {
    return "IDX#" + startIndex;
  }

  static final String APP_USER_PREFIX = "APPUSER#";
  static final String TAG_PREFIX = "TAG#";
  static final String TAG_REFRESH_SK = "TAG_REFRESH";
  /** A connection's access groups, next to the connection item. */
  static final String ACCESS_GROUPS_SK = "ACCESS_GROUPS";
  /** The workspace's seat ledger: seats in use and the limit, in one item so one condition guards both. */
  static final String SEATS_SK = "SEATS";

  /** Email index: which app user holds a login email (lower-cased, trimmed) in the workspace. */
  static String emailSk(String emailKey) {
    return "EMAIL#" + emailKey;
  }

  static String appUserSk(String appUserId) {
    return APP_USER_PREFIX + appUserId;
  }

  /** The workspace's member count of one tag; the tag ends the key, so it may hold any character. */
  static String tagCountSk(String tag) {
    return TAG_PREFIX + tag;
  }

  /** Partition of one tag's membership items (sk {@link #appUserSk}), for listing a tag's app users. */
  static String tagMembersPartition(String workspaceId, String tag) {
    return workspacePartition(workspaceId) + "#TAG#" + tag;
  }

  /** A connection's attribute mapping and target-group settings, next to the connection item. */
  static final String MAPPING_SK = "MAPPING";
  static final String FIELD_PREFIX = "FIELD#";

  /** A workspace's custom field; keys are {@code [A-Za-z][A-Za-z0-9_]*}, so the key ends the sort key safely. */
  static String fieldSk(String key) {
    return FIELD_PREFIX + key;
  }

  /**
   * Partition of a tag refresh job: a group's job sits in the group's member partition, a
   * connection-wide job (re-applying its mapping, {@code groupId} null) in the connection's.
   */
  static String tagRefreshPartition(String connectionId, String groupId) {
    return groupId == null ? connectionPartition(connectionId) : groupMembersPartition(connectionId, groupId);
  }

  /** GSI1 sort key of a tag refresh job in its workspace's list. */
  static String tagRefreshListKey(String connectionId, String groupId) {
    return groupId == null ? connectionId : connectionId + "#" + groupId;
  }

  /** GSI1 partition listing a workspace's running tag refresh jobs. */
  static String workspaceTagRefreshes(String workspaceId) {
    return workspacePartition(workspaceId) + "#TAG_REFRESHES";
  }

  /** Partition of a connection's activity log; its sort keys order entries by time. */
  static String activityPartition(String connectionId) {
    return connectionPartition(connectionId) + "#ACTIVITY";
  }

  /**
   * Sort key of one activity entry: a fixed-width UTC timestamp (so string order is time order and
   * a backwards query reads newest first), then the request id keeping same-millisecond requests apart.
   */
  static String activitySk(String timestamp, String requestId) {
    return timestamp + "#" + requestId;
  }

  /** Partition of the revisions the stream processor derives for a connection's activity log. */
  static String revisionPartition(String connectionId) {
    return connectionPartition(connectionId) + "#REVISION";
  }

  static String revisionSk(String resourceType, String resourceId, long version) {
    return resourceType + "#" + resourceId + "#" + version;
  }

  /** GSI1 partition listing a workspace's connections. */
  static String workspaceConnections(String workspaceId) {
    return "WS#" + workspaceId + "#CONNECTIONS";
  }

  /** Partition of a workspace's audit trail; sort keys order entries by time. */
  static String auditPartition(String workspaceId) {
    return workspacePartition(workspaceId) + "#AUDIT";
  }

  /**
   * Sort key of an audit entry: the fixed-width UTC time, then the entry's id (a UUID chosen once per
   * request), keeping same-instant entries apart and making a second write of the same entry fail.
   */
  static String auditSk(String timestamp, String entryId) {
    return timestamp + "#" + entryId;
  }

  /** Partition of one setup link, by the SHA-256 of its token (the token itself is never stored). */
  static String setupLinkPartition(String tokenHash) {
    return "SETUP_LINK#" + tokenHash;
  }

  /** Partition of one console session a setup link opened, by the SHA-256 of its token. */
  static String adminSessionPartition(String tokenHash) {
    return "ADMIN_SESSION#" + tokenHash;
  }

  static final String SETUP_LINK_SK = "SETUP_LINK";
  static final String ADMIN_SESSION_SK = "ADMIN_SESSION";
}
