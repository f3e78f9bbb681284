package dev.scimlambda.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reconciliation looked at and what it repaired. Only writes count: re-deriving an app user
 * that was already right adds to {@code appUsersChecked} and to nothing else, so a healthy workspace
 * reports no change. People are named by app user id, identities by {@code connectionId/userId},
 * never by email; tags are group names, which name no person.
 *
 * @param scimUsersChecked SCIM users whose app user was re-derived
 * @param appUsersChecked app users checked for a source
 * @param appUsersRepaired app users with at least one change written
 * @param identityLinksRemoved identities an account listed whose SCIM user no longer exists
 * @param appUsersRemoved app users left with no identity and no SSO registration, deleted
 * @param seatLedger the ledger's repair, null when it agreed (or was not reached yet)
 * @param changes the changes one by one, the first {@value #LISTED_CHANGES}
 * @param changesNotListed changes beyond those
 */
public record ReconciliationReport(
    long scimUsersChecked,
    long appUsersChecked,
    long appUsersRepaired,
    long tagsAdded,
    long tagsRemoved,
    long profilesUpdated,
    long accessGranted,
    long accessRevoked,
    long seatsTaken,
    long seatsFreed,
    long identityLinksRemoved,
    long appUsersRemoved,
    LedgerRepair seatLedger,
    List<Change> changes,
    long changesNotListed) {

  /** Enough to see what kind of damage was repaired; the counts hold the rest. */
  public static final int LISTED_CHANGES = 100;

  public static final ReconciliationReport EMPTY =
      new ReconciliationReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, List.of(), 0);

  public ReconciliationReport {
    changes = List.copyOf(changes);
  }

  /** Nothing was written. */
  public boolean unchanged() {
    return appUsersRepaired == 0 && identityLinksRemoved == 0 && appUsersRemoved == 0 && seatLedger == null;
  }

  public ReconciliationReport plus(ReconciliationReport other) {
    List<Change> listed = new ArrayList<>(changes);
    long notListed = changesNotListed + other.changesNotListed;
    for (Change change : other.changes) {
      if (listed.size() < LISTED_CHANGES) {
        listed.add(change);
      } else {
        notListed++;
      }
    }
    return new ReconciliationReport(
        scimUsersChecked + other.scimUsersChecked,
        appUsersChecked + other.appUsersChecked,
        appUsersRepaired + other.appUsersRepaired,
        tagsAdded + other.tagsAdded,
        tagsRemoved + other.tagsRemoved,
        profilesUpdated + other.profilesUpdated,
        accessGranted + other.accessGranted,
        accessRevoked + other.accessRevoked,
        seatsTaken + other.seatsTaken,
        seatsFreed + other.seatsFreed,
        identityLinksRemoved + other.identityLinksRemoved,
        appUsersRemoved + other.appUsersRemoved,
        other.seatLedger != null ? other.seatLedger : seatLedger,
        listed,
        notListed);
  }

  /** The ledger said {@code before} seats were in use; it now says {@code after}, the people holding one. */
  public record LedgerRepair(long before, long after) {}

  /**
   * One repair.
   *
   * @param appUserId the person repaired
   * @param detail the tag, or the identity ({@code connectionId/userId}); null for the other kinds
   */
  public record Change(Kind kind, String appUserId, String detail) {}

  public enum Kind {
    TAG_ADDED,
    TAG_REMOVED,
    PROFILE_UPDATED,
    ACCESS_GRANTED,
    ACCESS_REVOKED,
    SEAT_TAKEN,
    SEAT_FREED,
    IDENTITY_LINK_REMOVED,
    APP_USER_REMOVED
  }
}
