package dev.scimlambda.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Independent reads and writes sent side by side instead of one after another: a request's time is
 * mostly round trips to DynamoDB, and calls that do not depend on each other need not wait for each
 * other. The threads are made when first needed (nothing runs at init, so a SnapStart snapshot holds
 * none) and end when idle; they are daemons, so they never keep a JVM alive.
 */
public final class SideBySide {

  private SideBySide() {}

  /** Starts {@code call} on another thread; {@link #await} gets its result. */
  public static <T> CompletableFuture<T> start(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, Threads.POOL);
  }

  /** The started call's result, or the exception it threw, as it threw it. */
  public static <T> T await(CompletableFuture<T> started) {
    try {
      return started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Runs {@code here} on this thread while {@code there} runs on another, and returns both results.
   * When {@code here} fails, its failure is the answer once {@code there} has ended too, so nothing
   * is still running when the caller sees it.
   */
  public static <A, B> Both<A, B> both(Supplier<A> here, Supplier<B> there) {
    CompletableFuture<B> started = start(there);
    A first;
    try {
      first = here.get();
    } catch (RuntimeException | Error failure) {
      started.exceptionally(ignored -> null).join();
      throw failure;
    }
    return new Both<>(first, await(started));
  }

  /** The results of {@link #both}. */
  public record Both<A, B>(A here, B there) {}

  /**
   * {@code call} applied to each input, up to {@code inFlight} at once, the results in input order
   * once every call has ended. The first failure is rethrown after all calls ended, so none is still
   * running when the caller sees it. A single input runs on the caller's thread.
   */
  public static <T, R> List<R> map(List<T> inputs, int inFlight, Function<? super T, R> call) {
    if (inputs.size() <= 1) {
      return inputs.stream().<R>map(call).toList();
    }
    Semaphore slots = new Semaphore(inFlight);
    List<CompletableFuture<R>> calls = new ArrayList<>(inputs.size());
    for (T input : inputs) {
      slots.acquireUninterruptibly();
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return call.apply(input);
        } finally {
          slots.release();
        }
      }, Threads.POOL));
    }
    RuntimeException failure = null;
    List<R> results = new ArrayList<>(calls.size());
    for (CompletableFuture<R> result : calls) {
      try {
        results.add(await(result));
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /** Holder: the pool is made on first use, not when this class is loaded by a handler's init. */
  private static final class Threads {
    static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "side-by-side");
      thread.setDaemon(true);
      return thread;
    });
  }
}
