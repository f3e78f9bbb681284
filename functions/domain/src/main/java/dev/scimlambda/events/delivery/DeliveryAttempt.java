package dev.scimlambda.events.delivery;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * One request to the receiver. Never the response body: it is the customer's, may be large, and
 * would need the same care as the event itself.
 *
 * @param statusCode empty when no answer came (refused, reset, timed out)
 * @param error short text of what went wrong, empty on success
 */
public record DeliveryAttempt(Instant at, OptionalInt statusCode, long latencyMillis, String error) {

  /** Enough to tell a timeout from a refused connection; bounds the item. */
  public static final int MAX_ERROR_LENGTH = 200;

  public DeliveryAttempt {
    error = error == null ? "" : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
  }
}
