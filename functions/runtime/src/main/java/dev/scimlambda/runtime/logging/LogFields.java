package dev.scimlambda.runtime.logging;

import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The per-request fields every log line of a deployed function carries (docs/operations.md).
 * They travel in SLF4J's MDC, which the log layout reads; nothing personal goes in: ids, an
 * operation name, a status. {@link #clear} ends an invocation, as Lambda reuses its thread.
 */
public final class LogFields {

  /** Lambda's request id; Micronaut's handlers put it from the invocation's Context. */
  public static final String LAMBDA_REQUEST_ID = "AWSRequestId";
  /** API Gateway's request id, the one the activity log keeps. */
  public static final String API_REQUEST_ID = "apiRequestId";
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String CONNECTION_ID = "connectionId";
  /** What was asked, e.g. {@code create User} or {@code GET /admin/v1/workspaces/{workspaceId}}. */
  public static final String OPERATION = "operation";
  /** The HTTP status answered. */
  public static final String STATUS = "status";
  public static final String LATENCY_MS = "latencyMs";
  /** The stream record a line is about. */
  public static final String SEQUENCE_NUMBER = "sequenceNumber";

  /** Ids longer than this are cut: a path segment is caller input. */
  static final int MAX_VALUE = 200;

  private LogFields() {}

  /** Sets {@code field}, or removes it when {@code value} is null or empty. */
  public static void put(String field, String value) {
    if (value == null || value.isEmpty()) {
      MDC.remove(field);
    } else {
      MDC.put(field, value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE));
    }
  }

  /** The field's current value, or null. */
  public static String get(String field) {
    return MDC.get(field);
  }

  /** Runs {@code work} with {@code fields} set, restoring them afterwards (a record inside a batch). */
  public static void with(Map<String, String> fields, Runnable work) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    try {
      fields.forEach(LogFields::put);
      work.run();
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }

  /**
   * {@code work} to run on another thread with this thread's fields (the stream's parallel
   * refreshes), so its lines still name the invocation.
   */
  public static <T> Supplier<T> carried(Supplier<T> work) {
    Map<String, String> fields = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      try {
        if (fields != null) {
          MDC.setContextMap(fields);
        }
        return work.get();
      } finally {
        if (before == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(before);
        }
      }
    };
  }

  /** Forgets every field: the end of an invocation. */
  public static void clear() {
    MDC.clear();
  }
}
