package dev.scimlambda.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs the calls of a batch operation (DynamoDB's 25 writes or 100 reads a call) a few at a time
 * instead of one after another: a 100-member change is four BatchWriteItem round trips, and waiting
 * for each before sending the next is most of its time. Threads are made when first needed and end
 * when idle, so nothing runs or is held at init.
 */
final class ParallelChunks {

  /** Calls in flight per operation: enough to hide the round trips, few enough not to be throttled. */
  static final int IN_FLIGHT = 8;

  private static final ExecutorService CALLS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "dynamodb-batch");
    thread.setDaemon(true);
    return thread;
  });

  private ParallelChunks() {}

  /**
   * Applies {@code call} to each chunk of {@code size}, up to {@link #IN_FLIGHT} at once, and returns
   * the results in chunk order once every call has ended. The first failure is rethrown after all
   * calls ended, so none is still writing when the caller sees it. A single chunk runs on the caller's thread.
   */
  static <T, R> List<R> run(List<T> items, int size, Function<List<T>, R> call) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    if (chunks.size() <= 1) {
      return chunks.stream().map(call).toList();
    }
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<R>> calls = new ArrayList<>();
    for (List<T> chunk : chunks) {
      inFlight.acquireUninterruptibly();
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return call.apply(chunk);
        } finally {
          inFlight.release();
        }
      }, CALLS));
    }
    RuntimeException failure = null;
    List<R> results = new ArrayList<>();
    for (CompletableFuture<R> result : calls) {
      try {
        results.add(result.join());
      } catch (CompletionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }
}
