package dev.scimlambda.scim.users;

import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of a connection's SCIM users. Uniqueness of userName and externalId is enforced by
 * the store atomically with the write, never by a read beforehand.
 */
public interface UserStore {

  /**
   * Writes the user and, in the same transaction, what it does to its app user ({@code account},
   * null for none). Throws {@link UniquenessViolation} when the userName, externalId or the login
   * email (claimed by a concurrent create) is taken, {@link VersionMismatch} when the app user
   * changed meanwhile, {@link dev.scimlambda.seats.SeatsExhausted} when a seat was needed and none is left.
   */
  void create(ScimUser user, AccountChange account);

  default void create(ScimUser user) {
    create(user, null);
  }

  Optional<ScimUser> find(String connectionId, String id);

  /**
   * Replaces {@code previous} with {@code updated} (version {@code previous.version() + 1}). Throws
   * {@link VersionMismatch} when the stored user is no longer {@code previous}, {@link
   * UniquenessViolation} when a new userName or externalId is taken.
   */
  void replace(ScimUser previous, ScimUser updated, AccountChange account);

  default void replace(ScimUser previous, ScimUser updated) {
    replace(previous, updated, null);
  }

  /** Deletes the user if it is still {@code current}; throws {@link VersionMismatch} otherwise. */
  void delete(ScimUser current, AccountChange account);

  default void delete(ScimUser current) {
    delete(current, null);
  }

  /** The id of the user holding a unique indexed value, if any. */
  Optional<String> findId(String connectionId, LookupKey key, String normalisedValue);

  /** Ids of users having the email (normalised), in id order. */
  List<String> findIdsByEmail(String connectionId, String emailKey);

  /** One page of the connection's users in id order, starting after {@code afterId} (exclusive; null = start). */
  UserPage page(String connectionId, String afterId, int limit);

  /** How many users the connection has. */
  long count(String connectionId);

  /** The unique values a user can be looked up by. */
  enum LookupKey {
    USER_NAME,
    EXTERNAL_ID
  }

  /** Users in id order and the id to continue after, null at the end. */
  record UserPage(List<ScimUser> users, String lastId) {}
}
