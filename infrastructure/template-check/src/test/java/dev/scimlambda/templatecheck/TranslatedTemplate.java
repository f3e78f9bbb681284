package dev.scimlambda.templatecheck;

import static dev.scimlambda.templatecheck.Template.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code template.yaml} as SAM's transform turns it into CloudFormation, translated offline by
 * {@code translate_template.py} with samtranslator (parameters at their defaults).
 */
final class TranslatedTemplate {

  /** Why the translation could not be attempted here (python3 or samtranslator missing). */
  static final class Unavailable extends Exception {
    Unavailable(String reason) {
      super(reason);
    }
  }

  private static final String SCRIPT = "/translate_template.py";
  private static final int SAMTRANSLATOR_MISSING = 3;

  private final Map<String, Object> root;

  private TranslatedTemplate(Map<String, Object> root) {
    this.root = root;
  }

  static TranslatedTemplate of(Template template) throws Unavailable {
    Path script = script();
    Process process;
    try {
      Path stderr = Files.createTempFile("sam-translate", ".err");
      process = new ProcessBuilder("python3", script.toString(), template.file().toString())
          .redirectError(stderr.toFile())
          .start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("translating " + template.file() + " took over 120 s");
      }
      String errors = Files.readString(stderr, StandardCharsets.UTF_8);
      Files.deleteIfExists(stderr);
      if (process.exitValue() == SAMTRANSLATOR_MISSING) {
        throw new Unavailable(errors.strip());
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("SAM could not translate " + template.file() + ":\n" + errors);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new String(out, StandardCharsets.UTF_8));
      return new TranslatedTemplate(root);
    } catch (IOException e) {
      // ProcessBuilder.start fails this way when there is no python3 on the PATH.
      throw new Unavailable("python3 cannot be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while translating", e));
    }
  }

  private static Path script() {
    try {
      return Path.of(TranslatedTemplate.class.getResource(SCRIPT).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException(SCRIPT + " is not on the test classpath", e);
    }
  }

  Map<String, Object> root() {
    return root;
  }

  Map<String, Object> resources() {
    return map(root.get("Resources"));
  }

  Map<String, Object> resource(String logicalId) {
    return map(resources().get(logicalId));
  }

  Map<String, Object> properties(String logicalId) {
    return map(resource(logicalId).get("Properties"));
  }

  String type(String logicalId) {
    return String.valueOf(resource(logicalId).get("Type"));
  }

  List<String> resourcesOfType(String type) {
    List<String> ids = new ArrayList<>();
    resources().forEach((id, r) -> {
      if (type.equals(map(r).get("Type"))) {
        ids.add(id);
      }
    });
    return ids;
  }

  Map<String, Object> parameter(String name) {
    return map(map(root.get("Parameters")).get(name));
  }

  boolean isParameter(String name) {
    return map(root.get("Parameters")).containsKey(name);
  }

  Map<String, Object> conditions() {
    return map(root.get("Conditions"));
  }

  /** The logical id of {@code {Fn::GetAtt: [id, attribute]}}, if the value is one. */
  static Optional<String> getAtt(Object value, String attribute) {
    if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("Fn::GetAtt") instanceof List<?> l
        && l.size() == 2 && attribute.equals(l.get(1))) {
      return Optional.of(String.valueOf(l.get(0)));
    }
    return Optional.empty();
  }
}
