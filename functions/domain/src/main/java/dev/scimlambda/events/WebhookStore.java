package dev.scimlambda.events;

import java.util.Optional;

/** Webhook settings, at most one per workspace. */
public interface WebhookStore {

  /** @throws dev.scimlambda.problem.ConflictException when the workspace has one already */
  void create(Webhook webhook);

  /** @throws dev.scimlambda.problem.ConflictException unless the stored one has the same id and secret version */
  void replace(Webhook webhook);

  Optional<Webhook> find(String workspaceId);

  /** @return whether there was one */
  boolean delete(String workspaceId);
}
