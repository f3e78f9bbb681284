package dev.scimlambda.scim.groups;

import java.util.List;

/**
 * One request's whole change of a group, computed and checked before anything is written, so the
 * store can write it all or nothing (RFC 7644 §3.5.2).
 *
 * @param previous the group as read, or null for a create
 * @param updated the group's new document, keys and lastModified (its version and member count are
 *     the store's to write: it counts the memberships that really change)
 * @param expectedVersion the version the group must still have (the document changed, or If-Match
 *     was sent); null: it only has to exist, so concurrent member changes do not conflict
 * @param puts memberships to put
 * @param deletes member ids whose memberships to delete
 * @param membersRequested whether the request had member operations (a group whose members were
 *     sent gets a new version even when none changed)
 */
public record GroupChange(ScimGroup previous, ScimGroup updated, Long expectedVersion, List<Member> puts,
    List<String> deletes, boolean membersRequested) {

  public static GroupChange create(ScimGroup group, List<Member> members) {
    return new GroupChange(null, group, null, List.copyOf(members), List.of(), !members.isEmpty());
  }

  public boolean isCreate() {
    return previous == null;
  }
}
