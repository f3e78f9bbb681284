package dev.scimlambda.appusers;

/**
 * What a SCIM user write does to its app user, written in the same transaction: the account as it
 * will be, the email index entries to claim or release, and the seat taken (+1) or freed (-1).
 *
 * @param before null when the write creates the app user
 * @param registeredName the name given at SSO registration, shown until an IdP provides one
 */
public record AccountChange(
    Account before, Account after, String claimEmail, String releaseEmail, int seatDelta, String registeredName) {

  public AccountChange(Account before, Account after, String claimEmail, String releaseEmail, int seatDelta) {
    this(before, after, claimEmail, releaseEmail, seatDelta, null);
  }

  public String appUserId() {
    return after.id();
  }
}
