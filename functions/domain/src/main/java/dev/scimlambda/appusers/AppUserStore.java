package dev.scimlambda.appusers;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of a workspace's app users together with their tags: the tag set on the app user,
 * one item per (tag, app user) for listing a tag's users, and a member count per tag, all changed
 * in the same transaction so the three never disagree.
 */
public interface AppUserStore {

  Optional<AppUser> find(String workspaceId, String id);

  /**
   * Writes {@code desired} over {@code current} (null: the app user does not exist yet), moving its
   * tag items and counts. Throws {@link ConcurrentAppUserChange} when the stored app user is no longer
   * {@code current}.
   */
  void save(AppUser current, AppUser desired);

  /** Deletes the app user and its tag items if it is still {@code current} ({@link ConcurrentAppUserChange} otherwise). */
  void delete(AppUser current);

  /** The workspace's app users in id order after {@code afterId} (exclusive; null = start). */
  AppUserPage page(String workspaceId, String afterId, int limit);

  /** The app users carrying {@code tag}, in id order after {@code afterId}. */
  AppUserPage withTag(String workspaceId, String tag, String afterId, int limit);

  /** The workspace's tags that have at least one member, by name. */
  List<TagCount> tags(String workspaceId);

  record AppUserPage(List<AppUser> users, String lastId) {}

  record TagCount(String tag, long members) {}
}
