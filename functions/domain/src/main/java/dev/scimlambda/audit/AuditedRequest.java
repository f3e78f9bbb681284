package dev.scimlambda.audit;

import java.util.Optional;

/**
 * The audit entry of the admin request in progress, for the store whose DynamoDB write is the
 * request's change: it writes the entry in that write's transaction, so a change never stands
 * without its entry and an entry never records a change that failed. The first such transaction
 * takes the entry; later writes of the same request find it written.
 */
public interface AuditedRequest {

  /** Outside an audited admin request (SCIM calls, the stream, scheduled work): nothing to record. */
  AuditedRequest NONE = new AuditedRequest() {
    @Override
    public Optional<AuditEntry> unwritten(String createdWorkspaceId, String createdId) {
      return Optional.empty();
    }

    @Override
    public void written(AuditEntry entry) { }
  };

  /**
   * The entry still to be written, or empty when the request is not audited or its entry is
   * written. A write that creates a resource names it: {@code createdId} completes the target of a
   * creating route, and {@code createdWorkspaceId} is the workspace of a request that names none
   * (creating a workspace). Both may be null.
   */
  Optional<AuditEntry> unwritten(String createdWorkspaceId, String createdId);

  /** The transaction holding {@code entry} committed. */
  void written(AuditEntry entry);
}
