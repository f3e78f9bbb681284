package dev.scimlambda.dedup;

/**
 * The login email is held by another person's account: two accounts must never share an email
 * (the email index's claim), and merging two people on an IdP's edit would be worse.
 */
public final class EmailTaken extends RuntimeException {
  public EmailTaken() {
    super("email held by another account", null, false, false);
  }
}
