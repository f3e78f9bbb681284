package dev.scimlambda.directorysync;

import java.util.Set;

/**
 * One group as a directory describes it, with the members one page of the provider's answer named.
 *
 * <p>A group may arrive in several pieces within a pass (Graph splits large groups' {@code
 * members@delta} over pages; Okta and Google page a group's members separately), so members are
 * additive: in a full pass the group's membership is the union of all pieces, and members no piece
 * named are removed when the pass ends; in an incremental pass {@code removedMemberIds} names the
 * members that left.
 *
 * @param providerId the directory's immutable group id
 * @param displayName the name, or null when this piece does not carry it (an unchanged name in a
 *     delta); the {@code Group:<displayName>} tag comes from it
 * @param memberIds provider ids of users who are members
 * @param removedMemberIds provider ids of users who stopped being members (incremental passes only)
 */
public record DirectoryGroup(String providerId, String displayName, Set<String> memberIds, Set<String> removedMemberIds) {

  public DirectoryGroup {
    DirectoryUser.requireText(providerId, "providerId");
    memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    removedMemberIds = removedMemberIds == null ? Set.of() : Set.copyOf(removedMemberIds);
  }

  /** A digest of the name, so a full pass can tell a renamed group from an unchanged one. */
  public String nameHash() {
    return DirectoryUser.sha256(providerId + '\u001e' + displayName);
  }
}
