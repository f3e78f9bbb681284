package dev.scimlambda.scim.users;

import java.util.List;

/** What the Users endpoint needs from group memberships: a user's groups, and removing a deleted user from them. */
public interface Memberships {

  /** No groups: for a Users endpoint served without /Groups. */
  Memberships NONE = new Memberships() {
    @Override
    public List<GroupRef> directGroups(String connectionId, String memberId) {
      return List.of();
    }

    @Override
    public void removeEverywhere(String connectionId, String memberId) {}
  };

  /** The groups {@code memberId} is a direct member of. */
  List<GroupRef> directGroups(String connectionId, String memberId);

  /** Deletes every membership of {@code memberId}. */
  void removeEverywhere(String connectionId, String memberId);

  record GroupRef(String id, String display) {}
}
