package dev.scimlambda.problem;

/**
 * A request larger than the service takes (413, RFC 7644 §3.7.4): a body over the payload limit, a
 * /Bulk with more operations than {@code maxOperations}.
 */
public final class RequestTooLargeException extends Problem {

  public RequestTooLargeException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 413;
  }
}
