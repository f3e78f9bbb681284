package dev.scimlambda.scim.users;

import dev.scimlambda.appusers.AccountChange;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.dedup.EmailTaken;
import dev.scimlambda.problem.LimitReachedException;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.seats.SeatLedger;

/** The Users endpoint's view of accounts: plans per SCIM user, in SCIM's terms and errors. */
public final class AccountLinks {

  private final Accounts accounts;
  private final SeatLedger seats;
  private final ConnectionWorkspaces workspaces;

  public AccountLinks(Accounts accounts, SeatLedger seats, ConnectionWorkspaces workspaces) {
    this.accounts = accounts;
    this.seats = seats;
    this.workspaces = workspaces;
  }

  AccountChange forCreate(ScimUser user) {
    return accounts.forCreate(workspaces.of(user.connectionId()), user.provisioned());
  }

  AccountChange forReplace(ScimUser before, ScimUser after) {
    try {
      return accounts.forReplace(workspaces.of(after.connectionId()), before.provisioned(), after.provisioned());
    } catch (EmailTaken e) {
      throw new UniquenessViolation(UniquenessViolation.EMAIL);
    }
  }

  AccountChange forDelete(ScimUser user) {
    return accounts.forDelete(workspaces.of(user.connectionId()), user.provisioned());
  }

  /** The refusal of a write that needed a seat when none was left, as every API answers it. */
  LimitReachedException seatsExhausted(String connectionId) {
    return seats.refusal(workspaces.of(connectionId));
  }
}
