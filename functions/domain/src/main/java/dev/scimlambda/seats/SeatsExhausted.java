package dev.scimlambda.seats;

/** A write needed a seat and the workspace's seat limit was reached. */
public final class SeatsExhausted extends RuntimeException {
  public SeatsExhausted() {
    super("no seat left", null, false, false);
  }
}
