package dev.scimlambda.problem;

/** A request the workspace's limits do not allow now (403), e.g. no seat left. */
public final class LimitReachedException extends Problem {
  public LimitReachedException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }
}
