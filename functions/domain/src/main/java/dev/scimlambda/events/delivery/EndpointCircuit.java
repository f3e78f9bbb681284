package dev.scimlambda.events.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Stops attempting an endpoint that keeps failing. After {@code threshold} consecutive failures
 * the circuit opens for {@code openBase}, doubling with each reopening up to {@code openCap};
 * while open, events wait without using up their attempts. Once the interval is over the circuit is
 * half-open: exactly one probe goes through (claimed in the store, so concurrent consumers agree),
 * and its success closes the circuit while its failure reopens it for longer. Waits carry jitter,
 * so the backlog returns spread out rather than stampeding the endpoint the moment it recovers.
 */
public final class EndpointCircuit {

  public static final int DEFAULT_THRESHOLD = 5;

  private final CircuitStore store;
  private final int threshold;
  private final Duration openBase;
  private final Duration openCap;

  public EndpointCircuit(CircuitStore store, int threshold, Duration openBase, Duration openCap) {
    if (threshold < 1 || openBase.isNegative() || openBase.isZero() || openCap.compareTo(openBase) < 0) {
      throw new IllegalArgumentException("threshold >= 1 and 0 < openBase <= openCap");
    }
    this.store = store;
    this.threshold = threshold;
    this.openBase = openBase;
    this.openCap = openCap;
  }

  /** Whether to attempt now; empty means go ahead, else how long the event should wait. */
  public Optional<Duration> holdBack(String workspaceId, CircuitState state, Instant now, RandomGenerator random) {
    if (state.openUntil().isEmpty()) {
      return Optional.empty();
    }
    Instant until = state.openUntil().get();
    if (until.isAfter(now)) {
      return Optional.of(spread(Duration.between(now, until), random));
    }
    if (store.claimProbe(workspaceId, now, now.plus(HttpWebhookTransport.TIMEOUT.multipliedBy(2)))) {
      return Optional.empty();
    }
    // Another consumer is probing: look again about when its answer is in.
    return Optional.of(spread(openBase, random));
  }

  /** @param before the state the attempt was admitted in: a closed circuit needs no write */
  public void succeeded(String workspaceId, CircuitState before) {
    if (!before.equals(CircuitState.CLOSED)) {
      store.close(workspaceId);
    }
  }

  /** Read once per attempt and passed to {@link #holdBack} and {@link #succeeded}. */
  public CircuitState state(String workspaceId) {
    return store.find(workspaceId);
  }

  public void failed(String workspaceId, Instant now) {
    CircuitState state = store.recordFailure(workspaceId);
    boolean shut = state.openUntil().map(until -> until.isAfter(now)).orElse(false);
    if (state.consecutiveFailures() >= threshold && !shut) {
      store.open(workspaceId, now.plus(interval(state.openings())), state.openings() + 1);
    }
  }

  private Duration interval(int openings) {
    Duration ceiling = openBase.multipliedBy(1L << Math.min(openings, 20));
    return ceiling.compareTo(openCap) > 0 || ceiling.isNegative() ? openCap : ceiling;
  }

  /** The wait plus up to half of it again, so waiting events come back spread out. */
  private static Duration spread(Duration wait, RandomGenerator random) {
    long nanos = Math.max(wait.toNanos(), 1);
    return Duration.ofNanos(nanos + random.nextLong(nanos / 2 + 1));
  }
}
