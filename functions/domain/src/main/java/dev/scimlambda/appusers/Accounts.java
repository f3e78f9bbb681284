package dev.scimlambda.appusers;

import dev.scimlambda.dedup.EmailTaken;
import dev.scimlambda.dedup.LoginEmail;
import dev.scimlambda.access.AccessGroupsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Plans what a SCIM user write does to the person behind it: link to the app user already holding
 * the login email (SSO sign-in, or another connection) instead of creating a second account, move
 * the email claim when it changes, and take or free a seat when access starts or ends. The plan is
 * written in the SCIM user's own transaction; a race on the email or the seat ledger cancels it.
 * Which identities the connections' access groups deny is kept as the stream handler last derived
 * it ({@link GroupAccess}), except for a new identity, which is in no group yet.
 */
public final class Accounts {

  private final AccountStore store;
  private final AccessGroupsStore accessGroups;
  private final Clock clock;

  public Accounts(AccountStore store, AccessGroupsStore accessGroups, Clock clock) {
    this.store = store;
    this.accessGroups = accessGroups;
    this.clock = clock;
  }

  public AccountChange forCreate(String workspaceId, ProvisionedUser user) {
    String email = LoginEmail.of(user.document());
    String emailKey = LoginEmail.key(email);
    Optional<Account> holder = Optional.ofNullable(emailKey)
        .flatMap(key -> store.idByEmail(workspaceId, key))
        .flatMap(id -> store.find(workspaceId, id));
    String identity = Account.identity(user.connectionId(), user.id());
    boolean denied = accessGroups.find(user.connectionId()).restricts();
    if (holder.isPresent()) {
      Account before = holder.get();
      SortedSet<String> identities = with(before.identities(), identity, true);
      SortedSet<String> active = with(before.activeIdentities(), identity, user.active());
      return change(before, before, before.email(), before.emailKey(), identities, active,
          with(before.deniedIdentities(), identity, denied), null, null);
    }
    Account none = Account.newPerson(workspaceId, user.id()).build();
    return change(null, none, email, emailKey, with(new TreeSet<>(), identity, true),
        with(new TreeSet<>(), identity, user.active()), with(new TreeSet<>(), identity, denied), emailKey, null);
  }

  /**
   * Throws {@link EmailTaken} when the new login email belongs to another person: two accounts must
   * never share an email, and merging two people on an IdP's edit would be worse.
   */
  public AccountChange forReplace(String workspaceId, ProvisionedUser before, ProvisionedUser after) {
    Account account = accountOf(workspaceId, before);
    if (account == null) {
      return forCreate(workspaceId, after);
    }
    String identity = Account.identity(after.connectionId(), after.id());
    String email = LoginEmail.of(after.document());
    String emailKey = LoginEmail.key(email);
    String claim = null;
    String release = null;
    if (!Objects.equals(emailKey, account.emailKey())) {
      if (emailKey != null) {
        Optional<String> holder = store.idByEmail(workspaceId, emailKey);
        if (holder.isPresent() && !holder.get().equals(account.id())) {
          throw new EmailTaken();
        }
        claim = holder.isPresent() ? null : emailKey;
      }
      release = account.emailKey();
    }
    return change(account, account, email, emailKey, account.identities(),
        with(account.activeIdentities(), identity, after.active()), account.deniedIdentities(), claim, release);
  }

  public AccountChange forDelete(String workspaceId, ProvisionedUser user) {
    Account account = accountOf(workspaceId, user);
    if (account == null) {
      return null;
    }
    String identity = Account.identity(user.connectionId(), user.id());
    return change(account, account, account.email(), account.emailKey(), with(account.identities(), identity, false),
        with(account.activeIdentities(), identity, false), with(account.deniedIdentities(), identity, false), null, null);
  }

  /**
   * The host app registers a person who signed in through SSO. An account already holding the
   * email (provisioned, or registered before) is the same person: it is marked as SSO-registered
   * and returned, never duplicated. A new person takes a seat.
   */
  public AccountChange forSsoRegistration(String workspaceId, String email, String name, String newId) {
    String emailKey = LoginEmail.key(email);
    Optional<Account> holder = store.idByEmail(workspaceId, emailKey).flatMap(id -> store.find(workspaceId, id));
    if (holder.isPresent()) {
      Account before = holder.get();
      Account after = before.change().sso(true).nextAccessVersion().build();
      int seatDelta = (after.hasAccess() && !before.seat()) ? 1 : 0;
      Account seated = seatDelta > 0 ? after.change().seat(true).build() : after;
      return new AccountChange(before, seated, null, null, seatDelta, name);
    }
    Account created = Account.newPerson(workspaceId, newId).email(email.trim(), emailKey).sso(true).seat(true)
        .nextAccessVersion().build();
    return new AccountChange(null, created, emailKey, null, 1, name);
  }

  /**
   * The admin removes the person: what is left of the account after their SCIM identities were
   * deleted (the SSO registration, the email claim, the seat) goes in one change. The account is
   * then orphaned, so every session checks invalid, and the app user item can be deleted.
   */
  public AccountChange forRemoval(Account account) {
    Account draft = account.change().email(null, null).identities(new TreeSet<>(), new TreeSet<>(), new TreeSet<>())
        .sso(false).seat(false).nextAccessVersion().build();
    return settle(account, draft, false, clock.instant(), null, account.emailKey());
  }

  private Account accountOf(String workspaceId, ProvisionedUser user) {
    return store.find(workspaceId, user.appUserIdOrOwn()).filter(a -> a.accessVersion() > 0).orElse(null);
  }

  /**
   * A SCIM write takes a seat when access starts and frees it when access ends. A person whose
   * access the stream handler granted while every seat was taken keeps waiting: an IdP's update
   * of them must not fail for want of a seat they did not ask for.
   */
  private AccountChange change(Account before, Account base, String email, String emailKey,
      SortedSet<String> identities, SortedSet<String> activeIdentities, SortedSet<String> deniedIdentities,
      String claim, String release) {
    Account draft = base.change().email(email, emailKey).identities(identities, activeIdentities, deniedIdentities)
        .scimManaged(true).seat(false).nextAccessVersion().build();
    boolean hadAccess = before != null && before.hasAccess();
    boolean seat = draft.hasAccess() && (!hadAccess || before.seat());
    return settle(before, draft, seat, clock.instant(), claim, release);
  }

  /**
   * {@code draft} holding a seat or not, as the change from {@code before}: the ledger moves by the
   * difference, and losing access marks every session issued until {@code now}.
   */
  static AccountChange settle(Account before, Account draft, boolean seat, Instant now, String claim, String release) {
    boolean hadAccess = before != null && before.hasAccess();
    Instant deprovisionedAt = hadAccess && !draft.hasAccess() ? now : draft.deprovisionedAt();
    Account after = draft.change().seat(seat).deprovisionedAt(deprovisionedAt).build();
    int seatDelta = (seat ? 1 : 0) - (before != null && before.seat() ? 1 : 0);
    return new AccountChange(before, after, claim, release, seatDelta);
  }

  private static SortedSet<String> with(SortedSet<String> set, String element, boolean present) {
    SortedSet<String> copy = new TreeSet<>(set);
    if (present) {
      copy.add(element);
    } else {
      copy.remove(element);
    }
    return copy;
  }
}
