package dev.scimlambda.templatecheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code template.yaml} of the repository, read with the intrinsic tags in long form. Function
 * properties are read the way SAM applies {@code Globals}: maps merge (the function's keys win),
 * lists concatenate, anything else the function sets replaces the global.
 */
final class Template {

  static final String FILE_NAME = "template.yaml";
  static final String FUNCTION = "AWS::Serverless::Function";

  private final Path file;
  private final Map<String, Object> root;

  private Template(Path file) {
    this.file = file;
    this.root = CloudFormationYaml.load(file);
  }

  /** Walks up from the working directory to the repository root to find the template. */
  static Template load() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return new Template(candidate);
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    throw new IllegalStateException("no " + FILE_NAME + " between " + dir + " and the repository root");
  }

  Path file() {
    return file;
  }

  Map<String, Object> root() {
    return root;
  }

  Map<String, Object> resources() {
    return map(root.get("Resources"));
  }

  Map<String, Object> resource(String logicalId) {
    Map<String, Object> resource = map(resources().get(logicalId));
    if (resource.isEmpty()) {
      throw new AssertionError("no resource " + logicalId + " in " + file);
    }
    return resource;
  }

  /** Logical ids of the resources of one type, in template order. */
  List<String> resourcesOfType(String type) {
    List<String> ids = new ArrayList<>();
    resources().forEach((id, r) -> {
      if (type.equals(map(r).get("Type"))) {
        ids.add(id);
      }
    });
    return ids;
  }

  List<String> functions() {
    return resourcesOfType(FUNCTION);
  }

  Map<String, Object> properties(String logicalId) {
    return map(resource(logicalId).get("Properties"));
  }

  /** A function property with {@code Globals.Function} applied; null when neither sets it. */
  Object functionProperty(String functionId, String name) {
    Object global = map(map(root.get("Globals")).get("Function")).get(name);
    Object own = properties(functionId).get(name);
    return merge(global, own);
  }

  /** The function's environment variables, {@code Globals} included. */
  Map<String, Object> environment(String functionId) {
    return map(map(functionProperty(functionId, "Environment")).get("Variables"));
  }

  /** The logical id a {@code {Ref: id}} names, if the value is one. */
  static Optional<String> ref(Object value) {
    return value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String id
        ? Optional.of(id)
        : Optional.empty();
  }

  /** The template string of a plain string or a {@code Fn::Sub} (either form), else empty. */
  static Optional<String> text(Object value) {
    if (value instanceof String s) {
      return Optional.of(s);
    }
    if (value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::Sub")) {
      Object sub = m.get("Fn::Sub");
      if (sub instanceof List<?> l && !l.isEmpty()) {
        sub = l.get(0);
      }
      return sub instanceof String s ? Optional.of(s) : Optional.empty();
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return List.of(value);
  }

  private static Object merge(Object global, Object own) {
    if (global == null) {
      return own;
    }
    if (own == null) {
      return global;
    }
    if (global instanceof Map<?, ?> && own instanceof Map<?, ?>) {
      Map<String, Object> merged = new LinkedHashMap<>(map(global));
      map(own).forEach((k, v) -> merged.merge(k, v, Template::merge));
      return merged;
    }
    if (global instanceof List<?> g && own instanceof List<?> o) {
      List<Object> merged = new ArrayList<>(g);
      merged.addAll(o);
      return merged;
    }
    return own;
  }
}
