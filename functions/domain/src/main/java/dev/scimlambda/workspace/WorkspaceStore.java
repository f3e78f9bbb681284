package dev.scimlambda.workspace;

import java.util.List;
import java.util.Optional;

/** Persistence of workspaces. */
public interface WorkspaceStore {

  /** Inserts a new workspace; throws {@link dev.scimlambda.problem.ConflictException} when the id is taken. */
  void create(Workspace workspace);

  Optional<Workspace> find(String id);

  List<Workspace> list();

  /**
   * Replaces a workspace if its stored version is still {@code updated.version() - 1}; throws {@link
   * dev.scimlambda.problem.ConflictException} when someone else wrote in between.
   */
  void update(Workspace updated);
}
