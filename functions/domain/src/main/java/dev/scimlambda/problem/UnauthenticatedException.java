package dev.scimlambda.problem;

/**
 * A request without valid credentials. The message is the same for every cause so a caller learns
 * nothing about which connections or tokens exist.
 */
public final class UnauthenticatedException extends Problem {
  public UnauthenticatedException() {
    super("A valid bearer token is required.");
  }

  @Override
  public int status() {
    return 401;
  }
}
