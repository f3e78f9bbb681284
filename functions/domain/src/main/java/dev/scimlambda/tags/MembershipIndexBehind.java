package dev.scimlambda.tags;

/**
 * The membership index (a GSI, eventually consistent) does not show a membership change yet. Thrown
 * so the stream record is retried a moment later instead of projecting tags from stale data.
 */
public final class MembershipIndexBehind extends RuntimeException {
  public MembershipIndexBehind() {
    super("membership index has not caught up yet", null, false, false);
  }
}
