package dev.scimlambda.access;

/** Persistence of each connection's access groups. */
public interface AccessGroupsStore {

  /** Read strongly, so a change applies to the very next user created; {@link AccessGroups#none} when never set. */
  AccessGroups find(String connectionId);

  void save(AccessGroups accessGroups);
}
