package dev.scimlambda.appusers;

import dev.scimlambda.seats.SeatStore;
import dev.scimlambda.seats.SeatsExhausted;
import java.util.Optional;

/**
 * Reads of the access side of app users. Writes go with the SCIM user write they belong to (see
 * {@link AccountChange}), so a person, their email claim and their seat change atomically. The seat
 * ledger's reads and repairs are the {@link SeatStore} it extends.
 */
public interface AccountStore extends SeatStore {

  /** The app user holding an email (normalised), read strongly. */
  Optional<String> idByEmail(String workspaceId, String emailKey);

  Optional<Account> find(String workspaceId, String id);

  /**
   * Writes an account change of its own (no SCIM user involved: an SSO registration). Throws
   * {@link SeatsExhausted} when it needs a seat and none is left, {@link ConcurrentAppUserChange}
   * when the email was claimed or the account changed meanwhile.
   */
  void apply(AccountChange change);
}
