package dev.scimlambda.directorysync.function;

import dev.scimlambda.directorysync.DirectorySyncEngine;
import dev.scimlambda.directorysync.SyncDispatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stack's sync function: one daemon thread works on runs as the queue would have
 * them worked on (the same engine, the same time budget per turn), and, when enabled, ticks the
 * schedule every minute.
 */
public final class InProcessSyncRunner implements SyncDispatch {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessSyncRunner.class);
  /** As long as a Lambda invocation of the sync function may work (template.yaml: 15 minutes, 1 kept). */
  static final Duration TURN = Duration.ofMinutes(14);

  private final Supplier<DirectorySyncEngine> engine;
  private final Clock clock;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "directory-sync");
    t.setDaemon(true);
    return t;
  });

  InProcessSyncRunner(Supplier<DirectorySyncEngine> engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void continueAt(String connectionId, String runId, Instant at) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    thread.schedule(() -> turn(connectionId, runId), delay, TimeUnit.MILLISECONDS);
  }

  private void turn(String connectionId, String runId) {
    try {
      DirectorySyncEngine.Progress progress = engine.get().work(connectionId, runId, clock.instant().plus(TURN));
      if (!progress.finished()) {
        continueAt(connectionId, runId, progress.continueAt());
      }
    } catch (RuntimeException e) {
      // The schedule's next tick finds the run still active and goes on with it.
      LOG.warn("directory sync run {} of connection {} stopped: {}", runId, connectionId, e.getClass().getName());
    }
  }

  void tickEveryMinute(Runnable tick) {
    thread.scheduleWithFixedDelay(() -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        LOG.warn("directory sync schedule tick failed: {}", e.getClass().getName());
      }
    }, 1, 1, TimeUnit.MINUTES);
  }
}
