package dev.scimlambda.events;

import java.util.Optional;

/** Webhook settings, at most one per workspace. */
public interface WebhookStore {

  /** @throws dev.scimlambda.problem.ConflictException when the workspace has one already */
  void create(Webhook webhook);

  /** @throws dev.scimlambda.problem.ConflictException unless the stored one has the same id and secret version */
  void replace(Webhook webhook);

  /**
   * Stores {@code rotated}, which signs with a new secret version, when the stored webhook has the
   * same id and still signs with {@code replacedVersion}.
   *
   * @throws dev.scimlambda.problem.ConflictException otherwise (deleted, re-created or rotated concurrently)
   */
  void rotateSecret(Webhook rotated, String replacedVersion);

  Optional<Webhook> find(String workspaceId);

  /** @return whether there was one */
  boolean delete(String workspaceId);
}
