package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.concurrent.SideBySide;
import dev.scimlambda.dedup.LoginEmail;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.scim.resource.ETags;
import dev.scimlambda.scim.resource.LostRaces;
import dev.scimlambda.scim.resource.ResourceDocument;
import dev.scimlambda.scim.resource.ResourceLimits;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.rules.DocumentRules;
import dev.scimlambda.seats.SeatsExhausted;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The Users endpoint of one connection (RFC 7644 §3.3-3.6): create, read, replace, patch, delete. */
public final class Users {

  private final UserStore store;
  private final DocumentRules rules;
  private final Clock clock;
  private final Memberships memberships;
  private final AccountLinks accounts;

  public Users(UserStore store, DocumentRules rules, Clock clock, Memberships memberships, AccountLinks accounts) {
    this.store = store;
    this.rules = rules;
    this.clock = clock;
    this.memberships = memberships;
    this.accounts = accounts;
  }

  /** The groups the user belongs to, directly or through nested groups. */
  public List<Memberships.GroupRef> groups(String connectionId, String id) {
    return memberships.groups(connectionId, id);
  }

  /**
   * Creates the user linked to its person: the app user already holding its login email, or a new
   * one. Losing the race for an email to a concurrent create is retried, and then links to it.
   */
  public ScimUser create(String connectionId, JsonNode body) {
    ObjectNode document = rules.forCreate(body);
    Instant now = clock.instant();
    ScimUser user = build(connectionId, UUID.randomUUID().toString(), document, now, now, 1);
    // Losing an email to a concurrent create is a lost race too: the next attempt links to its person.
    return LostRaces.retry(null, e -> e instanceof UniquenessViolation u && UniquenessViolation.EMAIL.equals(u.attribute()),
        attempt -> {
          AccountChange change = accounts.forCreate(user);
          ScimUser linked = user.withAppUserId(change.appUserId());
          try {
            store.create(linked, change);
            return linked;
          } catch (UniquenessViolation e) {
            if (UniquenessViolation.EMAIL.equals(e.attribute())) {
              throw e;
            }
            throw uniqueness(e);
          } catch (SeatsExhausted e) {
            throw accounts.seatsExhausted(connectionId);
          }
        });
  }

  /**
   * The user and the groups it belongs to, read side by side: the two reads do not depend on each
   * other, so the request waits for the longer one instead of both. When the user cannot be read,
   * its failure is the answer, once the groups read has ended too.
   */
  public UserWithGroups getWithGroups(String connectionId, String id) {
    ResourceLimits.requireId(id);
    SideBySide.Both<ScimUser, List<Memberships.GroupRef>> read =
        SideBySide.both(() -> get(connectionId, id), () -> memberships.groups(connectionId, id));
    return new UserWithGroups(read.here(), read.there());
  }

  /** A user as read with its direct and nested groups. */
  public record UserWithGroups(ScimUser user, List<Memberships.GroupRef> groups) {}

  public ScimUser get(String connectionId, String id) {
    ResourceLimits.requireId(id);
    return store.find(connectionId, id).orElseThrow(() -> new NotFoundException("User " + id + " not found"));
  }

  /** PUT: the body replaces every attribute the client may write. */
  public ScimUser replace(String connectionId, String id, JsonNode body, String ifMatch) {
    return write(connectionId, id, ifMatch, current -> rules.forReplace(current, body));
  }

  /** PATCH: the operations apply atomically, all or none. */
  public ScimUser patch(String connectionId, String id, JsonNode patchRequest, String ifMatch) {
    // The stored document has no id; clients (Okta, Entra) may repeat it in a path-less replace,
    // which is accepted only when it is this user's id.
    return write(connectionId, id, ifMatch, current -> rules.patch(current.put(ResourceDocument.ID, id), patchRequest));
  }

  public void delete(String connectionId, String id, String ifMatch) {
    LostRaces.retry(ifMatch, attempt -> {
      ScimUser current = get(connectionId, id);
      ETags.requireMatch(ifMatch, current.version());
      store.delete(current, accounts.forDelete(current));
      memberships.removeEverywhere(connectionId, id);
      return current;
    });
  }

  /**
   * Read, change, write with the version as condition. With {@code If-Match} the client asked for
   * exactly the version it saw, so a lost race is 412; without, the change is re-applied to the
   * fresh copy, which is what makes concurrent PATCHes lose no update.
   */
  private ScimUser write(String connectionId, String id, String ifMatch, UnaryOperator<ObjectNode> change) {
    return LostRaces.retry(ifMatch, attempt -> {
      ScimUser current = get(connectionId, id);
      ETags.requireMatch(ifMatch, current.version());
      ObjectNode document = change.apply(current.document().deepCopy());
      ScimUser built = build(connectionId, id, document, current.created(), clock.instant(), current.version() + 1);
      try {
        if (accountUnaffected(current, built)) {
          // Nothing the person's account holds changed: the user item alone is written, no account read.
          ScimUser updated = built.withAppUserId(current.appUserId());
          store.replace(current, updated, null);
          return updated;
        }
        AccountChange account = accounts.forReplace(current, built);
        ScimUser updated = built.withAppUserId(account.appUserId());
        store.replace(current, updated, account);
        return updated;
      } catch (UniquenessViolation e) {
        throw uniqueness(e);
      } catch (SeatsExhausted e) {
        throw accounts.seatsExhausted(connectionId);
      }
    });
  }

  /**
   * Whether a change leaves the linked account as it is: the account holds the login email and
   * whether this identity is active, nothing else of the document. A user not linked yet goes the
   * account's way, which links it.
   */
  private static boolean accountUnaffected(ScimUser before, ScimUser after) {
    return before.appUserId() != null && before.active() == after.active()
        && java.util.Objects.equals(LoginEmail.of(before.document()), LoginEmail.of(after.document()));
  }

  private static ScimUser build(String connectionId, String id, ObjectNode document, Instant created, Instant modified,
      long version) {
    document.remove("id");
    document.remove("meta");
    UserKeys keys = UserKeys.of(document);
    ResourceLimits.requireStorable("User", document);
    return new ScimUser(connectionId, id, document, keys.userNameKey(), keys.externalId(), keys.emailKeys(),
        UserKeys.active(document), created, modified, version);
  }

  private static ConflictException uniqueness(UniquenessViolation e) {
    return new ConflictException("A user with this " + e.attribute() + " already exists");
  }
}
