package dev.scimlambda.persistence;

import dev.scimlambda.concurrent.SideBySide;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the calls of a batch operation (DynamoDB's 25 writes or 100 reads a call) a few at a time
 * instead of one after another: a 100-member change is four BatchWriteItem round trips, and waiting
 * for each before sending the next is most of its time.
 */
final class ParallelChunks {

  /** Calls in flight per operation: enough to hide the round trips, few enough not to be throttled. */
  static final int IN_FLIGHT = 8;

  private ParallelChunks() {}

  /**
   * Applies {@code call} to each chunk of {@code size}, up to {@link #IN_FLIGHT} at once, and returns
   * the results in chunk order once every call has ended (see {@link SideBySide#map}).
   */
  static <T, R> List<R> run(List<T> items, int size, Function<List<T>, R> call) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return SideBySide.map(chunks, IN_FLIGHT, call);
  }
}
