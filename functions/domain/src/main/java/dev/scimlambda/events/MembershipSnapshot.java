package dev.scimlambda.events;

/**
 * One membership item as an image of the table's stream shows it.
 *
 * @param memberType {@code User} or {@code Group}
 * @param appUserId the host app's user of a member user
 */
public record MembershipSnapshot(String groupId, String memberId, String memberType, String display, String appUserId) {

  public boolean isUser() {
    return "User".equals(memberType);
  }
}
