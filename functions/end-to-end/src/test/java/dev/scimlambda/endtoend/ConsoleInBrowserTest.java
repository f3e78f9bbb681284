package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimlambda.admin.console.ConsoleController;
import dev.scimlambda.local.LocalStack;
import dev.scimlambda.local.LocalStackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin console in headless Chromium against the embedded stack: an admin arrives by a setup
 * link (and at the end signs in with the operator token), adds a
 * connection and reads its secret from the page; an IdP (plain SCIM requests) pushes a user and a
 * group; the admin sees the user tagged {@code Group:…}, then deactivated; and so on through the
 * console's pages; and connects an Okta org (a stub the flow starts, serving the Okta provider's
 * fixtures) through Directory Sync, syncs it now and sees the pulled people tagged, with no error
 * in the browser console. The browser side is
 * {@code functions/admin-console/e2e/console-flow.mjs} (playwright-core); screenshots land in
 * {@code target/console-screenshots/}. Skipped, saying why, where the console was not built or
 * Node.js or Chromium is missing.
 */
class ConsoleInBrowserTest {

  private static final Path CONSOLE_MODULE = Path.of("..", "admin-console").toAbsolutePath().normalize();
  private static final Path SCRIPT = CONSOLE_MODULE.resolve("e2e/console-flow.mjs");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();
  private static final String ADMIN_TOKEN = "admin_console-in-browser-test";

  @Test
  void anAdminSeesWhatTheIdpProvisionsInTheConsole() throws Exception {
    assumeTrue(ConsoleController.built(),
        "admin console not built (npm was not on the PATH when functions/admin-console was built)");
    assumeTrue(Files.isDirectory(CONSOLE_MODULE.resolve("node_modules/playwright-core")),
        "playwright-core not installed in functions/admin-console (npm ci did not run)");
    assumeTrue(runs("node", "--version"), "Node.js (node) is not on the PATH");
    String chromium = Optional.ofNullable(System.getenv("CHROMIUM")).orElse("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(Path.of(chromium)),
        "Chromium not found at " + chromium + " (install Debian's chromium package, or set CHROMIUM)");

    Path log = SCREENSHOTS.resolve("console-flow.log");
    Files.createDirectories(SCREENSHOTS);
    try (LocalStack stack = LocalStack.start(new LocalStackConfig(0, null, true, Optional.of(ADMIN_TOKEN)))) {
      ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString())
          .directory(CONSOLE_MODULE.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      node.environment().put("CONSOLE_URL", "http://127.0.0.1:" + stack.port() + ConsoleController.ROOT + "/");
      node.environment().put("ADMIN_TOKEN", ADMIN_TOKEN);
      node.environment().put("CHROMIUM", chromium);
      node.environment().put("SCREENSHOTS", SCREENSHOTS.toString());
      Process process = node.start();
      boolean finished = process.waitFor(4, TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log);
      assertThat(finished).as("the browser flow finished within 4 minutes; output:%n%s", output).isTrue();
      assertThat(process.exitValue()).as("the browser flow's exit code; output:%n%s", output).isZero();
    }
    assertThat(SCREENSHOTS.resolve("04-user-deactivated.png")).exists();
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
