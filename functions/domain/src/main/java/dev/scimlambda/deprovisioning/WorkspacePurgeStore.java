package dev.scimlambda.deprovisioning;

import java.util.List;

/** Deletes every item a workspace owns, a bounded number per call. */
public interface WorkspacePurgeStore {

  /**
   * Deletes up to about {@code limit} items of the workspace and of {@code connectionIds}. Items
   * that lead to others (a group to its members, a tag count to its members, a connection, the
   * workspace itself) go after what they lead to, so a later call finds whatever is left.
   */
  PurgePage purgePage(String workspaceId, List<String> connectionIds, int limit);

  /** @param finished nothing of the workspace is left, not even its own item */
  record PurgePage(long deleted, boolean finished) {}
}
