package dev.scimlambda.directorysync;

/**
 * One item of a page: a record that exists (new or changed) or the id of one the directory removed
 * (Graph's {@code @removed}, Okta's DEPROVISIONED/deleted, an Okta group deleted). Removal means
 * "deactivate" for a user and "delete" for a group; the engine decides what that does in the
 * workspace, as a SCIM DELETE or {@code active=false} would.
 */
public sealed interface DirectoryEntry<T> {

  String providerId();

  record Present<T>(String providerId, T record) implements DirectoryEntry<T> {}

  record Removed<T>(String providerId) implements DirectoryEntry<T> {}

  static Present<DirectoryUser> user(DirectoryUser user) {
    return new Present<>(user.providerId(), user);
  }

  static Present<DirectoryGroup> group(DirectoryGroup group) {
    return new Present<>(group.providerId(), group);
  }

  static <T> Removed<T> removed(String providerId) {
    return new Removed<>(providerId);
  }
}
