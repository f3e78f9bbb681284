package dev.scimlambda.appusers;

import dev.scimlambda.access.AccessGroups;
import dev.scimlambda.seats.SeatsExhausted;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Derives which of a person's identities their connections' access groups deny, from the groups
 * the identities are in now, and moves the seat with it. Called by the stream handler for every
 * change that may matter (a membership, a user, a group renamed or nested, an access list saved);
 * it compares the truth with the stored account and writes only a difference, conditional on the
 * account's version, so replays and reordered records never take or free a seat twice.
 */
public final class GroupAccess {

  private final AccountStore accounts;
  private final Clock clock;

  public GroupAccess(AccountStore accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * @param groupsOf the display names of the groups each identity is in, directly or through
   *     nesting, for the identities whose SCIM user was read; any other identity keeps its state
   * @param accessGroupsOf a connection's access groups
   * @return what was written; empty when the account already agreed with the groups
   * @throws ConcurrentAppUserChange when the account changed since it was read: derive again
   */
  public Optional<AccessUpdate> update(Account account, Map<String, ? extends Collection<String>> groupsOf,
      Function<String, AccessGroups> accessGroupsOf) {
    SortedSet<String> denied = new TreeSet<>();
    for (String identity : account.identities()) {
      Collection<String> groups = groupsOf.get(identity);
      boolean deny = groups == null
          ? account.deniedIdentities().contains(identity)
          : !accessGroupsOf.apply(Account.connectionOf(identity)).grants(groups);
      if (deny) {
        denied.add(identity);
      }
    }
    Account draft = account.change().deniedIdentities(denied).nextAccessVersion().build();
    boolean sameDenial = denied.equals(account.deniedIdentities());
    if (sameDenial && draft.hasAccess() == account.seat()) {
      return Optional.empty();
    }
    try {
      // Access granted while every seat was taken is retried here, on the person's next change.
      accounts.apply(Accounts.settle(account, draft, draft.hasAccess(), clock.instant(), null, null));
      return Optional.of(new AccessUpdate(account.hasAccess(), draft.hasAccess(), account.seat(), draft.hasAccess()));
    } catch (SeatsExhausted e) {
      if (!sameDenial) {
        accounts.apply(Accounts.settle(account, draft, false, clock.instant(), null, null));
        return Optional.of(new AccessUpdate(account.hasAccess(), draft.hasAccess(), account.seat(), false));
      }
      return Optional.empty();
    }
  }

  /** An access change written: whether the person had and has access, and held and holds a seat. */
  public record AccessUpdate(boolean hadAccess, boolean hasAccess, boolean hadSeat, boolean hasSeat) {

    public boolean granted() {
      return !hadAccess && hasAccess;
    }

    public boolean revoked() {
      return hadAccess && !hasAccess;
    }
  }
}
