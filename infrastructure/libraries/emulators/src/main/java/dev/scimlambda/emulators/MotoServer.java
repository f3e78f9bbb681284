package dev.scimlambda.emulators;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The moto AWS emulator for the suites that use it: the one at {@code MOTO_ENDPOINT} (CI's
 * {@code .ci/run} starts it), else one this JVM starts from {@code moto_server} on {@code PATH} on a
 * free loopback port, once, stopped when the JVM exits.
 */
public final class MotoServer implements AutoCloseable {

  public static final String UNAVAILABLE =
      "Moto suite skipped: MOTO_ENDPOINT is unset and moto_server not found on PATH;"
          + " install moto[server] or set MOTO_ENDPOINT";
  private static final String EXECUTABLE = "moto_server";
  private static Optional<URI> shared;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Where moto listens, or empty (skip with {@link #UNAVAILABLE}) when there is none here. Skip per
   * test, not in {@code @BeforeAll}: Surefire reports a class aborted there as "Tests run: 0,
   * Skipped: 0" and drops the reason (SUREFIRE-2300), which reads as a pass.
   */
  public static synchronized Optional<URI> endpoint() {
    if (shared == null) {
      String configured = System.getenv("MOTO_ENDPOINT");
      if (configured != null && !configured.isBlank()) {
        shared = Optional.of(URI.create(configured));
      } else {
        shared = onPath().map(executable -> {
          try {
            MotoServer server = start(executable, Files.createDirectories(Path.of("target")).resolve("moto_server.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server.endpoint;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    return shared;
  }

  /** The {@code moto_server} executable on {@code PATH}, if there is one. */
  private static Optional<Path> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, EXECUTABLE))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static MotoServer start(Path executable, Path log) {
    int port = freeLoopbackPort();
    try {
      Process process =
          new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
      server.awaitAnswer(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + executable, e);
    }
  }

  private void awaitAnswer(Path log) {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
      }
      if (answers()) {
        return;
      }
      pause();
    }
    close();
    throw new IllegalStateException("moto_server did not answer within " + STARTUP_TIMEOUT + "; see " + log);
  }

  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2_000);
      connection.getResponseCode();
      connection.disconnect();
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for moto_server", e);
    }
  }

  /**
   * The port is free when we look, and moto takes it a moment later; another process grabbing it in
   * between shows up as moto exiting, which the startup wait reports.
   */
  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  @Override
  public void close() {
    // A version-manager shim (pyenv) may sit between us and the Python process; stop both.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
