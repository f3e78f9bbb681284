package dev.scimlambda.problem;

/**
 * The request named a version ({@code If-Match}) the resource no longer has (412, RFC 7644 §3.14):
 * the caller must read the resource again before it changes it.
 */
public final class StaleVersionException extends Problem {

  public StaleVersionException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 412;
  }
}
