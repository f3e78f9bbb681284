package dev.scimlambda.problem;

/** The addressed thing does not exist, or is not visible to the caller. */
public final class NotFoundException extends Problem {
  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 404;
  }
}
