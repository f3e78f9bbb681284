package dev.scimlambda.scim.users;

import java.util.List;

/** What the Users endpoint needs from group memberships: a user's groups, and removing a deleted user from them. */
public interface Memberships {

  /** No groups: for a Users endpoint served without /Groups. */
  Memberships NONE = new Memberships() {
    @Override
    public List<GroupRef> groups(String connectionId, String memberId) {
      return List.of();
    }

    @Override
    public void removeEverywhere(String connectionId, String memberId) {}
  };

  /** The groups {@code memberId} belongs to, directly or through nested groups: direct ones first. */
  List<GroupRef> groups(String connectionId, String memberId);

  /** Deletes every membership of {@code memberId}. */
  void removeEverywhere(String connectionId, String memberId);

  /** @param direct false when the membership is only through a group nested in this one */
  record GroupRef(String id, String display, boolean direct) {}
}
