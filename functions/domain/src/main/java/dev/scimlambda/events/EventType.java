package dev.scimlambda.events;

/** The directory events, named as the established directory-sync products name them. */
public enum EventType {
  USER_CREATED("user.created"),
  USER_UPDATED("user.updated"),
  USER_DEACTIVATED("user.deactivated"),
  USER_REACTIVATED("user.reactivated"),
  USER_DELETED("user.deleted"),
  GROUP_CREATED("group.created"),
  GROUP_UPDATED("group.updated"),
  GROUP_DELETED("group.deleted"),
  GROUP_USER_ADDED("group.user_added"),
  GROUP_USER_REMOVED("group.user_removed"),
  CONNECTION_CREATED("connection.created"),
  CONNECTION_ACTIVATED("connection.activated"),
  CONNECTION_SECRET_ROTATED("connection.secret_rotated"),
  CONNECTION_DELETED("connection.deleted");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
