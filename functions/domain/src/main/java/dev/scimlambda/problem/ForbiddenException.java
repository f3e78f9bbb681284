package dev.scimlambda.problem;

/**
 * An authenticated caller asking for something outside what it administers: a workspace missing from
 * its claim, or an operator-only action.
 */
public final class ForbiddenException extends Problem {
  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }
}
