package dev.scimlambda.directorysync;

import java.util.List;

/**
 * A directory we read from: Microsoft Graph, the Okta API, Google's Directory API. One instance
 * serves one run of one connection and may cache its access token for that run only.
 *
 * <p>Users and groups are separate feeds because every API pages them separately. The engine reads
 * groups first, then users, each to its last page, and checkpoints after each page it applied.
 * Implementations throw {@link DirectoryProviderException} for every failure the directory reports;
 * they retry transient failures themselves (through the shared transport) and throw {@link
 * DirectoryProviderException.RateLimited} only when the wait is longer than a run should sleep.
 */
public interface DirectoryProvider {

  DirectoryKind kind();

  DirectoryPage<DirectoryUser> readUsers(DirectoryRead read);

  DirectoryPage<DirectoryGroup> readGroups(DirectoryRead read);

  /**
   * Up to {@code limit} (at most 100) groups whose name starts with {@code namePrefix} (every group
   * when blank), without members, read live for the admin choosing a {@link GroupSelection}.
   */
  List<DirectoryGroup> findGroups(String namePrefix, int limit);
}
