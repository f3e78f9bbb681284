package dev.scimlambda.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the metrics a function writes, as CloudWatch would: the Embedded Metric Format documents
 * among the lines of stdout while it is open. Stdout still gets every line.
 */
public final class EmfCapture implements AutoCloseable {

  public static final String NAMESPACE = "ScimLambda";
  public static final String SERVICE = "scim-lambda-test";
  /** What the template's POWERTOOLS_* variables set, as a stack's property overrides. */
  public static final Map<String, Object> PROPERTIES =
      Map.of("powertools.metrics.namespace", NAMESPACE, "powertools.service.name", SERVICE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream original;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private EmfCapture() {
    original = System.out;
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (captured) {
          captured.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        synchronized (captured) {
          captured.write(bytes, offset, length);
        }
      }
    };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  public static EmfCapture start() {
    return new EmfCapture();
  }

  /** Every EMF document written so far, in order. */
  public List<JsonNode> documents() {
    String text;
    synchronized (captured) {
      text = captured.toString(StandardCharsets.UTF_8);
    }
    List<JsonNode> documents = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("{") && line.contains("\"_aws\"")) {
        try {
          documents.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not JSON: " + line, e);
        }
      }
    }
    return documents;
  }

  /**
   * The sum of {@code metric} over the documents that publish it with exactly these dimensions
   * ({@code Service} included) and values, as CloudWatch would aggregate it.
   */
  public double sum(String metric, Map<String, String> dimensions) {
    double sum = 0;
    for (JsonNode document : documents()) {
      for (JsonNode directive : document.path("_aws").path("CloudWatchMetrics")) {
        if (publishes(directive, metric) && hasDimensionSet(directive, document, dimensions)) {
          sum += document.path(metric).asDouble();
        }
      }
    }
    return sum;
  }

  /** {@link #sum} with the test service's {@code Service} dimension and these others. */
  public double count(String metric, String... dimensionPairs) {
    Map<String, String> dimensions = new HashMap<>();
    dimensions.put("Service", SERVICE);
    for (int i = 0; i < dimensionPairs.length; i += 2) {
      dimensions.put(dimensionPairs[i], dimensionPairs[i + 1]);
    }
    return sum(metric, dimensions);
  }

  private static boolean publishes(JsonNode directive, String metric) {
    for (JsonNode definition : directive.path("Metrics")) {
      if (definition.path("Name").asText().equals(metric)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDimensionSet(JsonNode directive, JsonNode document, Map<String, String> dimensions) {
    for (JsonNode set : directive.path("Dimensions")) {
      TreeSet<String> names = new TreeSet<>();
      set.forEach(name -> names.add(name.asText()));
      if (names.equals(new TreeSet<>(dimensions.keySet()))
          && dimensions.entrySet().stream().allMatch(d -> document.path(d.getKey()).asText().equals(d.getValue()))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    System.setOut(original);
  }
}
