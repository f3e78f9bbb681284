package dev.scimlambda.mapping;

import java.util.List;

/** Persistence of a workspace's custom fields. */
public interface CustomFieldStore {

  /** Throws {@link dev.scimlambda.problem.ConflictException} when the key is taken. */
  void create(CustomField field);

  /** The workspace's fields by key. */
  List<CustomField> list(String workspaceId);

  /** False when there was no such field. */
  boolean delete(String workspaceId, String key);
}
