package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One engine's share of a SCIM Lambda's first request. Each implementation touches only its own
 * engine, so a child JVM running it loads nothing of the other one.
 */
public interface Workload {

  /** What a handler does once, before its first request (constructors, registries, schemas). */
  void init() throws Exception;

  /** Parse {@code Documents.FILTER} and {@code Documents.PATH}. */
  void parse() throws Exception;

  /**
   * Apply {@code Documents.PATCH} to the user. {@code patchRequest} is the body already parsed by
   * Jackson, {@code patchBody} the raw body; an engine uses whichever its API takes.
   *
   * @return the patched user as the engine hands it back
   */
  ObjectNode patch(ObjectNode user, ObjectNode patchRequest, String patchBody) throws Exception;
}
