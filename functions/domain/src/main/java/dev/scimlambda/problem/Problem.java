package dev.scimlambda.problem;

/**
 * What the domain tells a caller went wrong with its request: one closed family, so each API maps
 * every kind once and a new kind cannot reach a caller unmapped (the API's mapping fails to cover
 * the permitted list in its test). Exceptions that only pass between the domain and its stores
 * (a lost seat race, a taken email, a version mismatch) are not in it: they are caught and
 * translated, or retried, before a caller could see them.
 */
public abstract sealed class Problem extends RuntimeException
    permits InvalidInputException, NotFoundException, ConflictException, LimitReachedException, ForbiddenException,
    UnauthenticatedException, Contention {

  protected Problem(String message) {
    super(message);
  }

  /** For kinds that are expected under load, where a stack trace would be cost without use. */
  protected Problem(String message, boolean withStackTrace) {
    super(message, null, false, withStackTrace);
  }
}
