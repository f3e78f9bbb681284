package dev.scimlambda.events.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * An endpoint's circuit as stored.
 *
 * @param consecutiveFailures failed attempts since the last success
 * @param openUntil while in the future no attempts are made; once past, the circuit is half-open
 * @param openings how often it opened since it last closed; the open interval grows with it
 */
public record CircuitState(int consecutiveFailures, Optional<Instant> openUntil, int openings) {

  public static final CircuitState CLOSED = new CircuitState(0, Optional.empty(), 0);
}
