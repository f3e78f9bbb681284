package dev.scimlambda.problem;

/**
 * What the domain tells a caller went wrong with its request: one closed family, so each API maps
 * every kind once and a new kind cannot reach a caller unmapped (the API's mapping fails to cover
 * the permitted list in its test). Each kind carries the status and {@code scimType} RFC 7644 §3.12
 * gives it, which the SCIM API, its /Bulk operations and the admin API all answer with.
 *
 * <p>Exceptions that only pass between the domain and its stores (a lost seat race, a taken email, a
 * version mismatch) are not in it: they are caught and translated, or retried, before a caller
 * could see them.
 */
public abstract sealed class Problem extends RuntimeException
    permits InvalidInputException, NotFoundException, ConflictException, StaleVersionException,
        RequestTooLargeException, LimitReachedException, ForbiddenException, UnauthenticatedException, Contention {

  /**
   * Details often quote what the client sent (a path, a bulkId, an id); beyond this they are cut,
   * so an error answer and its activity entry stay small whatever was sent.
   */
  public static final int MAX_DETAIL = 1024;

  protected Problem(String message) {
    super(cut(message));
  }

  /** For kinds that are expected under load, where a stack trace would be cost without use. */
  protected Problem(String message, boolean withStackTrace) {
    super(cut(message), null, false, withStackTrace);
  }

  /** The HTTP status of the answer. */
  public abstract int status();

  /** The RFC 7644 §3.12 keyword of the answer; null where the RFC defines none for the status. */
  public ScimType scimType() {
    return null;
  }

  /** True when the same request succeeds later (contention): callers retry it rather than report it. */
  public boolean transientFailure() {
    return false;
  }

  private static String cut(String detail) {
    return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
  }
}
