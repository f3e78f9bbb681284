package dev.scimlambda.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.bench.coldstart.ColdStartChild;
import dev.scimlambda.bench.conformance.CaptainGoldfishEngine;
import dev.scimlambda.bench.conformance.Conformance;
import dev.scimlambda.bench.conformance.Engine;
import dev.scimlambda.bench.conformance.UnboundIdEngine;
import dev.scimlambda.bench.planning.PlanningDemo;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The evidence for docs/decisions/0001-scim-engine.md. Prints Markdown:
 * <ol>
 *   <li>cold start: for the baseline (Jackson only) and each engine, {@code --samples} fresh JVMs
 *       ({@link ColdStartChild}), interleaved, each on a classpath of only its engine and Jackson
 *       (written by maven-dependency-plugin to {@code target/classpath/*.txt}), after one discarded
 *       warm-up round;</li>
 *   <li>the jars each engine brings;</li>
 *   <li>the conformance cases ({@link Conformance});</li>
 *   <li>query planning from each filter AST and caseExact ({@link PlanningDemo}).</li>
 * </ol>
 * Options: {@code --samples=N} (default 11, at least 7), {@code --jvm-opts="…"} for the children
 * (default: what the Lambda Java 17+ runtime uses, {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1
 * -XX:+UseSerialGC}), {@code --skip-cold-start}, {@code --skip-conformance}.
 */
public final class EngineEvaluation {

  /** Workload class (in the coldstart package) → classpath file; the first is the baseline. */
  private static final Map<String, String> ENGINES = new LinkedHashMap<>();

  static {
    ENGINES.put("JacksonOnly", "jackson");
    ENGINES.put("UnboundId", "unboundid");
    ENGINES.put("UnboundIdOwnBinding", "unboundid");
    ENGINES.put("CaptainGoldfish", "captaingoldfish");
  }

  private static final Map<String, String> LABELS = Map.of(
      "JacksonOnly", "baseline (Jackson only)",
      "UnboundId", "UnboundID scim2-sdk-common",
      "UnboundIdOwnBinding", "UnboundID, PATCH ops built by our code",
      "CaptainGoldfish", "captaingoldfish scim-sdk-server");

  private static final String DEFAULT_JVM_OPTS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  record Sample(long loadedClasses, long jacksonNs, long initNs, long parseNs, long patchNs, long writeNs, long totalNs,
      long processNs) {

    long firstOpNs() {
      return parseNs + patchNs + writeNs;
    }
  }

  public static void main(String[] args) throws Exception {
    int samples = 11;
    String jvmOpts = DEFAULT_JVM_OPTS;
    boolean coldStart = true;
    boolean conformance = true;
    for (String arg : args) {
      if (arg.startsWith("--samples=")) {
        samples = Integer.parseInt(arg.substring("--samples=".length()));
      } else if (arg.startsWith("--jvm-opts=")) {
        jvmOpts = arg.substring("--jvm-opts=".length());
      } else if (arg.equals("--skip-cold-start")) {
        coldStart = false;
      } else if (arg.equals("--skip-conformance")) {
        conformance = false;
      } else {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (samples < 7) {
      throw new IllegalArgumentException("--samples must be at least 7");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path classes = Path.of(EngineEvaluation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path classpathDir = Path.of(System.getProperty("bench.classpathDir", classes.getParent().resolve("classpath").toString()));

    out.printf("Run %s · Java %s (%s) · %s %s · %d CPUs%n%n", Instant.now(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors());

    if (coldStart) {
      coldStart(out, classes, classpathDir, samples, jvmOpts);
    }
    jars(out, classpathDir);
    if (conformance) {
      out.println("## Conformance");
      out.println();
      List<Engine> engines = List.of(new UnboundIdEngine(false), new UnboundIdEngine(true),
          CaptainGoldfishEngine.create(false), CaptainGoldfishEngine.create(true));
      Conformance.run(engines, out);
      out.println();
      out.println("## Filter AST → DynamoDB plan");
      out.println();
      CaptainGoldfishEngine captainGoldfish = (CaptainGoldfishEngine) engines.get(2);
      PlanningDemo.run(captainGoldfish.endpoint().getResourceTypeByName("User").orElseThrow(),
          (ObjectNode) new ObjectMapper().readTree(Documents.USER), out);
    }
  }

  // ---- cold start ----

  private static void coldStart(PrintStream out, Path classes, Path classpathDir, int samples, String jvmOpts)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> opts = jvmOpts.isBlank() ? List.of() : Arrays.asList(jvmOpts.trim().split("\\s+"));
    Map<String, List<Sample>> results = new LinkedHashMap<>();
    ENGINES.keySet().forEach(e -> results.put(e, new ArrayList<>()));
    List<String> order = new ArrayList<>(ENGINES.keySet());
    for (int round = 0; round <= samples; round++) {
      for (String engine : order) {
        Sample sample = runChild(java, opts, classes, classpathDir.resolve(ENGINES.get(engine) + ".txt"), engine);
        if (round > 0) {
          results.get(engine).add(sample);
        }
      }
      order.add(order.remove(0)); // rotate, so no engine always runs first or last
      System.err.printf("cold start: round %d/%d done%n", round, samples);
    }

    out.printf("## Cold start (%d fresh JVMs per engine, after 1 discarded round; child options: `%s`)%n%n", samples,
        jvmOpts);
    out.println("Times in ms, median (min). *init*: the engine's one-time setup, plus ~5 ms of reflective instantiation "
        + "of the workload that every child pays (see the baseline); *first op*: filter + path parse, then the PATCH, then "
        + "writing the result; *main*: everything in `main` incl. the Jackson parse every child does; *process*: spawn "
        + "to exit, as the parent sees it (includes JVM boot). Classes: `ClassLoadingMXBean.getTotalLoadedClassCount()` "
        + "at the end of `main`.");
    out.println();
    out.println("| engine | classes loaded | classes − baseline | init | parse | PATCH + write | first op | main | process |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    Sample baseline = median(results.get("JacksonOnly"));
    for (Map.Entry<String, List<Sample>> entry : results.entrySet()) {
      List<Sample> list = entry.getValue();
      Sample med = median(list);
      out.printf("| %s | %d | %+d | %s | %s | %s | %s | %s | %s |%n", LABELS.get(entry.getKey()),
          med.loadedClasses(), med.loadedClasses() - baseline.loadedClasses(),
          ms(list, Sample::initNs), ms(list, Sample::parseNs), ms(list, s -> s.patchNs() + s.writeNs()),
          ms(list, Sample::firstOpNs), ms(list, Sample::totalNs), ms(list, Sample::processNs));
    }
    out.println();
    out.println("Ratios against the baseline (medians):");
    out.println();
    out.println("| engine | classes loaded | main | process | main − baseline main (ms) |");
    out.println("|---|---|---|---|---|");
    for (Map.Entry<String, List<Sample>> entry : results.entrySet()) {
      Sample med = median(entry.getValue());
      out.printf("| %s | ×%.2f | ×%.2f | ×%.2f | %+.1f |%n", LABELS.get(entry.getKey()),
          (double) med.loadedClasses() / baseline.loadedClasses(), (double) med.totalNs() / baseline.totalNs(),
          (double) med.processNs() / baseline.processNs(), (med.totalNs() - baseline.totalNs()) / 1e6);
    }
    out.println();
    out.println("Raw samples (classes, init ms, first op ms, main ms, process ms):");
    out.println();
    for (Map.Entry<String, List<Sample>> entry : results.entrySet()) {
      StringBuilder line = new StringBuilder("- " + LABELS.get(entry.getKey()) + ":");
      for (Sample s : entry.getValue()) {
        line.append(String.format(" [%d %.1f %.1f %.1f %.1f]", s.loadedClasses(), s.initNs() / 1e6, s.firstOpNs() / 1e6,
            s.totalNs() / 1e6, s.processNs() / 1e6));
      }
      out.println(line);
    }
    out.println();
  }

  private static Sample runChild(String java, List<String> opts, Path classes, Path classpathFile, String engine)
      throws IOException, InterruptedException {
    String classpath = classes + File.pathSeparator + Files.readString(classpathFile).trim();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(opts);
    command.addAll(List.of("-cp", classpath, ColdStartChild.class.getName(), engine));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.redirectErrorStream(false);
    long started = System.nanoTime();
    Process process = builder.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    int exit = process.waitFor();
    long processNs = System.nanoTime() - started;
    String output = new String(stdout, StandardCharsets.UTF_8);
    if (exit != 0 || !output.contains("RESULT ")) {
      throw new IllegalStateException(engine + " child failed (exit " + exit + "):\n" + output
          + new String(stderr, StandardCharsets.UTF_8));
    }
    Map<String, Long> values = new HashMap<>();
    for (String pair : output.substring(output.indexOf("RESULT ") + 7).trim().split("\\s+")) {
      String[] kv = pair.split("=");
      values.put(kv[0], Long.parseLong(kv[1]));
    }
    return new Sample(values.get("loadedClasses"), values.get("jacksonNs"), values.get("initNs"), values.get("parseNs"),
        values.get("patchNs"), values.get("writeNs"), values.get("totalNs"), processNs);
  }

  private static Sample median(List<Sample> samples) {
    return new Sample((long) median(samples, Sample::loadedClasses), (long) median(samples, Sample::jacksonNs),
        (long) median(samples, Sample::initNs), (long) median(samples, Sample::parseNs),
        (long) median(samples, Sample::patchNs), (long) median(samples, Sample::writeNs),
        (long) median(samples, Sample::totalNs), (long) median(samples, Sample::processNs));
  }

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> metric) {
    double[] values = samples.stream().mapToDouble(metric).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static String ms(List<Sample> samples, ToDoubleFunction<Sample> metric) {
    double min = samples.stream().mapToDouble(metric).min().orElse(0);
    return String.format("%.1f (%.1f)", median(samples, metric) / 1e6, min / 1e6);
  }

  // ---- jars ----

  private static void jars(PrintStream out, Path classpathDir) throws IOException {
    Set<String> jackson = new LinkedHashSet<>(jarsOf(classpathDir.resolve("jackson.txt")));
    out.println("## Jars (runtime classpath of each child; Jackson is there anyway, Micronaut brings it)");
    out.println();
    out.println("| engine | jars beyond Jackson | size beyond Jackson | with Jackson |");
    out.println("|---|---|---|---|");
    long jacksonBytes = size(jackson);
    out.printf("| %s | — | — | %s (%s) |%n", LABELS.get("JacksonOnly"), kib(jacksonBytes), names(jackson));
    for (String engine : List.of("UnboundId", "CaptainGoldfish")) {
      Set<String> all = new LinkedHashSet<>(jarsOf(classpathDir.resolve(ENGINES.get(engine) + ".txt")));
      Set<String> own = new LinkedHashSet<>(all);
      own.removeAll(jackson);
      StringBuilder listed = new StringBuilder();
      own.stream().sorted((a, b) -> Long.compare(new File(b).length(), new File(a).length())).forEach(jar ->
          listed.append(listed.length() == 0 ? "" : ", ").append(new File(jar).getName()).append(' ')
              .append(kib(new File(jar).length())));
      out.printf("| %s | %s | %s | %s |%n", LABELS.get(engine), listed, kib(size(own)), kib(size(all)));
    }
    out.println();
  }

  private static List<String> jarsOf(Path classpathFile) throws IOException {
    return Arrays.asList(Files.readString(classpathFile).trim().split(File.pathSeparator));
  }

  private static long size(Set<String> jars) {
    return jars.stream().mapToLong(j -> new File(j).length()).sum();
  }

  private static String names(Set<String> jars) {
    return String.join(", ", jars.stream().map(j -> new File(j).getName()).toList());
  }

  private static String kib(long bytes) {
    return bytes >= 1024 * 1024 ? String.format("%.2f MiB", bytes / 1048576.0) : String.format("%d KiB", bytes / 1024);
  }

  private EngineEvaluation() {}
}
