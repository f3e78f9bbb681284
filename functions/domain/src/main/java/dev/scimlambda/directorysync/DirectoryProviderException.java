package dev.scimlambda.directorysync;

import java.time.Duration;

/**
 * A failure the directory reported. The message is the provider's own words (Graph's {@code
 * error.message}, Okta's {@code errorSummary}, Google's {@code error.message}), which is what the
 * run's {@code lastError} shows the admin; it never contains a credential.
 */
public abstract sealed class DirectoryProviderException extends RuntimeException {

  private DirectoryProviderException(String providerMessage, Throwable cause) {
    super(providerMessage, cause);
  }

  /** The provider's words, bounded so a run item stays small. */
  public String providerMessage() {
    String message = getMessage();
    return message == null ? "" : message.length() > 1_000 ? message.substring(0, 1_000) : message;
  }

  /** 429 (or Google's quota 403) with a wait longer than the run should sleep; the run pauses and goes on later. */
  public static final class RateLimited extends DirectoryProviderException {
    private final Duration retryAfter;

    public RateLimited(Duration retryAfter, String providerMessage) {
      super(providerMessage, null);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** The credentials were refused or expired (and a fresh token did not help); the admin must replace them. */
  public static final class CredentialsRefused extends DirectoryProviderException {
    public CredentialsRefused(String providerMessage) {
      super(providerMessage, null);
    }
  }

  /** The tenant, org, customer or a resource the run named does not exist (or is no longer visible). */
  public static final class NotFound extends DirectoryProviderException {
    public NotFound(String providerMessage) {
      super(providerMessage, null);
    }
  }

  /**
   * Anything else: a 4xx we did not expect, a 5xx that outlasted the retries, an unreadable answer,
   * a network failure, or (Graph's 410 on a delta link) a position the provider no longer accepts.
   */
  public static final class ProviderError extends DirectoryProviderException {
    private final int status;

    public ProviderError(int status, String providerMessage, Throwable cause) {
      super(providerMessage, cause);
      this.status = status;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
      return status;
    }

    /** Graph's 410 Gone (resyncRequired) on an expired delta token: restart with a full pass. */
    public boolean positionExpired() {
      return status == 410;
    }
  }
}
