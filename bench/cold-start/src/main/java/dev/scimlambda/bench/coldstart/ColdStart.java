package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.admin.api.AdminApiHandler;
import dev.scimlambda.bench.coldstart.child.Invoke;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToLongFunction;

/**
 * Cold start of the real function jars, each run in a fresh JVM ({@link Invoke}) against DynamoDB
 * Local in this JVM, next to the plain-handler baseline ({@code bench/baseline-function}) measured in
 * the same run, interleaved; then the deployment jars' sizes and the classes the first request
 * loaded, checked against {@code budgets.properties}: exits 1 when a budget is exceeded.
 *
 * <p>Run from the repository root: {@code mvn -q -DskipTests package -pl bench/cold-start -am && java -jar
 * bench/cold-start/target/cold-start.jar [--runs=10]}. Options: {@code --runs=N} (default 10, after one
 * discarded round), {@code --jvm-opts="…"} added to every child, {@code --root=DIR} (default .), {@code --template-only}
 * (only the mode with the template's {@code JAVA_TOOL_OPTIONS}, the mode of record),
 * {@code --compare-jar=PATH} (another scim-api jar, e.g. main's, as one more interleaved subject).
 *
 * <p>{@code scim-api primed} runs the handler's SnapStart hooks during init, as Lambda does before the
 * snapshot; its first invoke is what an instance restored from the snapshot pays (restore excluded).
 * Fork to ready then includes the priming, which in Lambda is init time, before any request.
 */
public final class ColdStart {

  private static final String WORKSPACE = "bench";
  private static final String USERS_QUERY = "filter=userName%20eq%20%22x%22";

  /** The mode of record: the options {@code template.yaml} ships in {@code JAVA_TOOL_OPTIONS}. */
  static final String TEMPLATE_MODE = "template JAVA_TOOL_OPTIONS";

  /**
   * Both modes use the serial collector, which the JVM picks itself in a 1 GB Lambda; the second adds
   * every option the template ships to the functions, read from {@code template.yaml}, so the bench
   * measures what Lambda starts.
   */
  static Map<String, List<String>> modes(Path root) throws IOException {
    Map<String, List<String>> modes = new LinkedHashMap<>();
    modes.put("C2 (JVM default)", List.of("-XX:+UseSerialGC"));
    // The JVM sizes its heap from the memory it sees: 1/64 of it initially, 1/4 at most. In a 1 GB
    // function that is 16 MB (young generation 5 MB) growing to 256 MB; on the bench machine it would
    // be hundreds of MB from the start, hiding the young collections Lambda's JVM makes during init.
    List<String> template = new ArrayList<>(List.of("-XX:+UseSerialGC",
        "-XX:MaxRAM=" + templateMemorySize(root.resolve("template.yaml")) + "m"));
    template.addAll(templateJavaToolOptions(root.resolve("template.yaml")));
    modes.put(TEMPLATE_MODE, template);
    return modes;
  }

  /** The functions' {@code MemorySize} (MB) in the template's Globals. */
  static int templateMemorySize(Path template) throws IOException {
    List<String> lines = Files.readAllLines(template).stream()
        .map(String::trim).filter(l -> l.startsWith("MemorySize:")).distinct().toList();
    if (lines.size() != 1) {
      throw new IllegalStateException(template + " should set one MemorySize, found " + lines);
    }
    return Integer.parseInt(lines.get(0).substring("MemorySize:".length()).trim());
  }

  /** The functions' {@code JAVA_TOOL_OPTIONS} in the template's Globals (the only place it is set). */
  static List<String> templateJavaToolOptions(Path template) throws IOException {
    List<String> lines = Files.readAllLines(template).stream()
        .map(String::trim).filter(l -> l.startsWith("JAVA_TOOL_OPTIONS:")).toList();
    if (lines.size() != 1) {
      throw new IllegalStateException(template + " should set JAVA_TOOL_OPTIONS once, found " + lines.size());
    }
    return Arrays.asList(lines.get(0).substring("JAVA_TOOL_OPTIONS:".length()).trim().split("\\s+"));
  }

  record Subject(String name, Path jar, String handler, String method, String path, String query, String bearer,
      String routePrefix, int expectedStatus, boolean primed) {}

  record Sample(long readyMs, long firstResponseMs, long jvmToReadyMs, long firstNs, long secondNs, long classesReady,
      long classesFirst) {}

  public static void main(String[] args) throws Exception {
    int runs = 10;
    Path root = Path.of(".");
    List<String> extraOpts = new ArrayList<>();
    String onlyMode = null;
    Path compareJar = null;
    for (String arg : args) {
      if (arg.startsWith("--runs=")) {
        runs = Integer.parseInt(arg.substring("--runs=".length()));
      } else if (arg.startsWith("--root=")) {
        root = Path.of(arg.substring("--root=".length()));
      } else if (arg.startsWith("--compare-jar=")) {
        compareJar = Path.of(arg.substring("--compare-jar=".length()));
      } else if (arg.equals("--template-only")) {
        onlyMode = TEMPLATE_MODE;
      } else if (arg.startsWith("--jvm-opts=")) {
        extraOpts.addAll(Arrays.asList(arg.substring("--jvm-opts=".length()).trim().split("\\s+")));
      } else {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    Path functions = root.resolve("functions");
    Map<String, Path> jars = new LinkedHashMap<>();
    for (String function : List.of("scim-api", "admin-api", "stream-processor")) {
      jars.put(function, functions.resolve(function).resolve("target/function.jar"));
    }
    jars.put("baseline", root.resolve("bench/baseline-function/target/function.jar"));
    for (Path jar : jars.values()) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: build with mvn -DskipTests package -pl bench/cold-start -am");
      }
    }
    Path support = root.resolve("infrastructure/http-api-events/target/classes");
    Path own = Path.of(Invoke.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // The shaded launcher holds every function's classes; children get the module's classes directory instead.
    Path childClasses = own.toString().endsWith(".jar") ? own.getParent().resolve("classes") : own;

    double loadBefore = loadAverage();
    Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
    try (TestStack stack = TestStack.start()) {
      AdminApiHandler admin = new AdminApiHandler(stack.context());
      ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN)
          .json("{\"id\":\"" + WORKSPACE + "\",\"name\":\"Cold start bench\"}").invoke(admin);
      JsonNode connection = ApiCall.of("POST", "/admin/v1/workspaces/" + WORKSPACE + "/connections")
          .bearer(TestStack.ADMIN_TOKEN).json("{\"name\":\"Cold start\",\"type\":\"okta\"}").invoke(admin).json();
      String usersPath = "/scim/v2/" + connection.get("id").asText() + "/Users";
      String bearer = connection.get("bearerToken").asText();
      List<Subject> subjects = new ArrayList<>(List.of(
          new Subject("scim-api", jars.get("scim-api"), "dev.scimlambda.scim.api.ScimApiHandler", "GET", usersPath,
              USERS_QUERY, bearer, "/scim/v2/", 200, false),
          new Subject("scim-api primed", jars.get("scim-api"), "dev.scimlambda.scim.api.ScimApiHandler", "GET", usersPath,
              USERS_QUERY, bearer, "/scim/v2/", 200, true),
          new Subject("baseline", jars.get("baseline"), "dev.scimlambda.bench.baseline.BaselineHandler", "GET",
              usersPath, USERS_QUERY, bearer, "/scim/v2/", 200, false),
          new Subject("admin-api", jars.get("admin-api"), AdminApiHandler.class.getName(), "GET",
              "/admin/v1/workspaces/" + WORKSPACE, "", TestStack.ADMIN_TOKEN, "/admin/v1/", 200, false)));
      if (compareJar != null) {
        // Another build of the scim-api jar (e.g. main's), interleaved in the same run: before and after.
        subjects.add(new Subject("scim-api compared", compareJar, "dev.scimlambda.scim.api.ScimApiHandler", "GET",
            usersPath, USERS_QUERY, bearer, "/scim/v2/", 200, false));
      }
      Map<String, String> env = childEnvironment(stack);
      Map<String, List<String>> modes = modes(root);
      if (onlyMode != null) {
        modes.keySet().retainAll(List.of(onlyMode));
      }
      for (var mode : modes.entrySet()) {
        System.err.printf("%s: %s%n", mode.getKey(), String.join(" ", mode.getValue()));
        Map<String, List<Sample>> bySubject = new LinkedHashMap<>();
        results.put(mode.getKey(), bySubject);
        List<String> opts = new ArrayList<>(mode.getValue());
        opts.addAll(extraOpts);
        // Round 0 only warms the page cache and DynamoDB Local; it is not counted.
        for (int round = 0; round <= runs; round++) {
          for (Subject subject : subjects) {
            Sample sample = run(subject, opts, env, List.of(subject.jar(), support, childClasses), root);
            if (round > 0) {
              bySubject.computeIfAbsent(subject.name(), k -> new ArrayList<>()).add(sample);
            }
          }
          System.err.printf("%s: round %d of %d%n", mode.getKey(), round, runs);
        }
      }
    }
    double loadAfter = loadAverage();

    System.out.printf("%nCold start, %d fresh JVMs per row (after one discarded round), DynamoDB Local in the launcher JVM%n",
        runs);
    System.out.printf("java %s, %d CPUs, load average %.2f before and %.2f after%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    System.out.println("median [min-max], ms; times from the launcher's fork of the child JVM");
    for (var mode : results.entrySet()) {
      System.out.printf("%n%s%n", mode.getKey() + (mode.getKey().equals(TEMPLATE_MODE)
          ? " (" + String.join(" ", modes(root).get(TEMPLATE_MODE))
              + (extraOpts.isEmpty() ? "" : " " + String.join(" ", extraOpts)) + ")" : ""));
      System.out.printf("%-16s %22s %22s %22s %18s %18s %9s %9s%n", "function", "fork -> ready",
          "fork -> 1st response", "JVM start -> ready", "1st invoke", "2nd invoke", "classes", "classes");
      System.out.printf("%-16s %22s %22s %22s %18s %18s %9s %9s%n", "", "", "", "", "", "", "ready", "1st resp");
      for (var subject : mode.getValue().entrySet()) {
        List<Sample> s = subject.getValue();
        System.out.printf("%-16s %22s %22s %22s %18s %18s %9d %9d%n", subject.getKey(),
            spread(s, Sample::readyMs, 1), spread(s, Sample::firstResponseMs, 1), spread(s, Sample::jvmToReadyMs, 1),
            spread(s, Sample::firstNs, 1_000_000), spread(s, Sample::secondNs, 1_000_000),
            median(s, Sample::classesReady), median(s, Sample::classesFirst));
      }
      List<Sample> ours = mode.getValue().get("scim-api");
      List<Sample> baseline = mode.getValue().get("baseline");
      System.out.printf("scim-api / baseline: ready %.2fx, first response %.2fx, second invoke %.2fx%n",
          ratio(ours, baseline, Sample::readyMs), ratio(ours, baseline, Sample::firstResponseMs),
          ratio(ours, baseline, Sample::secondNs));
      List<Sample> compared = mode.getValue().get("scim-api compared");
      if (compared != null) {
        System.out.printf("scim-api compared / baseline: ready %.2fx, first response %.2fx, second invoke %.2fx%n",
            ratio(compared, baseline, Sample::readyMs), ratio(compared, baseline, Sample::firstResponseMs),
            ratio(compared, baseline, Sample::secondNs));
      }
      System.out.printf("1st invoke after SnapStart priming / without: %.2fx%n",
          ratio(mode.getValue().get("scim-api primed"), ours, Sample::firstNs));
    }

    System.out.printf("%nDeployment jars%n%-18s %12s%n", "function", "bytes");
    Map<String, Long> measured = new LinkedHashMap<>();
    for (var jar : jars.entrySet()) {
      long size = Files.size(jar.getValue());
      System.out.printf("%-18s %,12d (%.1f MiB)%n", jar.getKey(), size, size / 1048576.0);
      measured.put("jar." + jar.getKey() + ".bytes", size);
    }
    for (var mode : results.entrySet()) {
      if (mode.getKey().equals(TEMPLATE_MODE)) {
        for (var subject : mode.getValue().entrySet()) {
          measured.put("classes." + subject.getKey() + ".first-response", median(subject.getValue(), Sample::classesFirst));
        }
      }
    }
    System.exit(checkBudgets(root.resolve("bench/cold-start/budgets.properties"), measured) ? 0 : 1);
  }

  private static Map<String, String> childEnvironment(TestStack stack) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(Setting.TABLE_NAME.environmentVariable(), stack.tableName());
    env.put(Setting.DYNAMODB_ENDPOINT.environmentVariable(), stack.database().endpoint().toString());
    env.put(Setting.SECRET_STORE.environmentVariable(), "local");
    env.put(Setting.LOCAL_SECRETS_FILE.environmentVariable(), stack.secretsFile().toString());
    env.put(Setting.SECRET_PREFIX.environmentVariable(), TestStack.SECRET_PREFIX);
    env.put(Setting.ADMIN_TOKEN_SECRET_ID.environmentVariable(), new SecretNames(TestStack.SECRET_PREFIX).adminToken());
    env.put(Setting.PUBLIC_BASE_URL.environmentVariable(), TestStack.PUBLIC_BASE_URL);
    // admin-api requires its webhook outbox queue at init (never sent to by a GET): an address nothing answers.
    env.put(Setting.WEBHOOK_OUTBOX_QUEUE_URL.environmentVariable(), "http://127.0.0.1:9/000000000000/bench-outbox");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    return env;
  }

  private static Sample run(Subject subject, List<String> opts, Map<String, String> env, List<Path> classpath, Path root)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(opts);
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.addAll(List.of(Invoke.class.getName(), subject.handler(), subject.method(), subject.path(), subject.query(),
        subject.bearer(), subject.routePrefix(), Integer.toString(subject.expectedStatus()),
        subject.primed() ? "primed" : "cold"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("bench/cold-start/target/children.log").toFile()));
    long forkMs = System.currentTimeMillis();
    Process process = builder.start();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int exit = process.waitFor();
    String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException(subject.name() + " exited " + exit
            + " without a result; see bench/cold-start/target/children.log\n" + out));
    if (exit != 0) {
      throw new IllegalStateException(subject.name() + " exited " + exit + "; see bench/cold-start/target/children.log");
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (String pair : line.substring("RESULT ".length()).split(" ")) {
      String[] kv = pair.split("=");
      values.put(kv[0], Long.parseLong(kv[1]));
    }
    return new Sample(values.get("readyMs") - forkMs, values.get("firstMs") - forkMs,
        values.get("readyMs") - values.get("jvmStartMs"), values.get("firstNs"), values.get("secondNs"),
        values.get("classesReady"), values.get("classesFirst"));
  }

  /** Prints every budget and whether it holds; false when any measured figure is over its budget. */
  private static boolean checkBudgets(Path file, Map<String, Long> measured) throws IOException {
    Properties budgets = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      budgets.load(in);
    }
    boolean within = true;
    System.out.printf("%nBudgets (%s)%n", file);
    for (String key : new java.util.TreeSet<>(budgets.stringPropertyNames())) {
      long budget = Long.parseLong(budgets.getProperty(key).trim());
      Long value = measured.get(key);
      if (value == null) {
        System.out.printf("%-40s budget %,12d  not measured%n", key, budget);
        within = false;
        continue;
      }
      boolean ok = value <= budget;
      within &= ok;
      System.out.printf("%-40s budget %,12d  measured %,12d  %s%n", key, budget, value, ok ? "ok" : "OVER BUDGET");
    }
    return within;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long median(List<Sample> samples, ToLongFunction<Sample> field) {
    long[] values = samples.stream().mapToLong(field).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static String spread(List<Sample> samples, ToLongFunction<Sample> field, long unit) {
    long[] values = samples.stream().mapToLong(field).sorted().toArray();
    return String.format("%,d [%,d-%,d]", median(samples, field) / unit, values[0] / unit, values[values.length - 1] / unit);
  }

  private static double ratio(List<Sample> ours, List<Sample> baseline, ToLongFunction<Sample> field) {
    return (double) median(ours, field) / median(baseline, field);
  }

  private ColdStart() {}
}
