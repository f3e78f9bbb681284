package dev.scimlambda.audit;

import java.util.List;

/** A workspace's audit trail: appended to, read newest first; nothing edits or deletes an entry. */
public interface AuditTrail {

  void record(AuditEntry entry);

  /** Newest first; {@code cursor} is a page's {@code nextCursor} (null for the first page). */
  Page newestFirst(String workspaceId, int limit, String cursor);

  record Page(List<AuditEntry> entries, String nextCursor) { }
}
