package dev.scimlambda.bench.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A SCIM engine as the conformance cases drive it. */
public interface Engine {

  String name();

  /** Parse {@code filter}; if it parses, evaluate it against {@code user} with the engine's evaluator. */
  Outcome<Boolean> filter(String filter, ObjectNode user);

  /** Parse an attribute path of a PATCH operation on {@code resourceType}; the value describes the engine's AST. */
  Outcome<String> path(String resourceType, String path);

  /** Apply a PATCH body to a copy of {@code document} ({@code "User"} or {@code "Group"}). */
  Outcome<JsonNode> patch(String resourceType, ObjectNode document, String patchBody);

  /** A value, or the error the engine answered with. */
  record Outcome<T>(T value, String error) {

    public static <T> Outcome<T> of(T value) {
      return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(String error) {
      return new Outcome<>(null, error);
    }

    public boolean failed() {
      return error != null;
    }
  }
}
