package dev.scimlambda.workspace;

import java.time.Duration;
import java.util.Optional;

/**
 * A partial update of a workspace, as sent to {@code PATCH /admin/v1/workspaces/{id}}. An absent
 * field is left alone; {@code seatLimit} distinguishes "absent" from "set to unlimited".
 */
public record WorkspaceChanges(
    Optional<String> name,
    Optional<Optional<Integer>> seatLimit,
    Optional<Duration> sessionDuration,
    Optional<Boolean> revokeSessionsOnDeprovision,
    boolean forceReauthentication) {

  /** Only "every session issued before now is invalid". */
  public static WorkspaceChanges onlyForceReauthentication() {
    return new WorkspaceChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
  }
}
