package dev.scimlambda.audit;

/**
 * A change was refused because its request's audit entry is already in the trail, so the change
 * could not be recorded. Not a lost race: re-reading and retrying would meet the same entry, so
 * the domain's retry-on-conflict loops must not catch it (it is no ConflictException).
 */
public final class AuditEntryExists extends RuntimeException {

  public AuditEntryExists(String entryId) {
    super("the audit entry " + entryId + " of this request is already written; the change was not made");
  }
}
