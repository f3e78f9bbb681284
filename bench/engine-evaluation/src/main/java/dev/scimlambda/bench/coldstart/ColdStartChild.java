package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.bench.Documents;
import java.lang.management.ManagementFactory;

/**
 * One sample: runs in a fresh JVM started by {@code EngineEvaluation}, on a classpath holding only
 * its engine and Jackson. Every child does the same Jackson work (parse the user and the PATCH body,
 * write the result), so the baseline child ({@link JacksonOnly}) differs from an engine child only by
 * the engine. Prints one {@code RESULT} line; exits non-zero if the patched user is wrong.
 */
public final class ColdStartChild {

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode user = (ObjectNode) mapper.readTree(Documents.USER);
    ObjectNode patchRequest = (ObjectNode) mapper.readTree(Documents.PATCH);
    long jacksonDone = System.nanoTime();

    Workload workload = (Workload) Class.forName(ColdStartChild.class.getPackageName() + "." + args[0])
        .getDeclaredConstructor().newInstance();
    workload.init();
    long initDone = System.nanoTime();
    workload.parse();
    long parseDone = System.nanoTime();
    ObjectNode patched = workload.patch(user, patchRequest, Documents.PATCH);
    long patchDone = System.nanoTime();
    String written = mapper.writeValueAsString(patched);
    long end = System.nanoTime();

    // Read last and at the same point in every child: the MXBean's own classes count equally everywhere.
    long loadedClasses = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();

    if (!"JacksonOnly".equals(args[0])) {
      String wrong = Documents.checkPatched(mapper.readTree(written));
      if (wrong != null) {
        System.err.println("patched user is wrong: " + wrong + "\n" + written);
        System.exit(2);
      }
    }
    System.out.printf("RESULT loadedClasses=%d jacksonNs=%d initNs=%d parseNs=%d patchNs=%d writeNs=%d totalNs=%d%n",
        loadedClasses, jacksonDone - start, initDone - jacksonDone, parseDone - initDone, patchDone - parseDone,
        end - patchDone, end - start);
  }

  private ColdStartChild() {}
}
