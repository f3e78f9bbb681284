package dev.scimlambda.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One admin write or secret reveal in a workspace: who ({@code actor}: the JWT's {@code sub}, or
 * {@code operator}), what ({@code action}, e.g. {@code rotate_connection_secret}), on what
 * ({@code target}, the path below the workspace), when, and from where. Entries are only ever
 * appended. {@code id} is chosen once per request, so the entry has one key however many writes
 * try to record it: it can be written at most once.
 */
public record AuditEntry(String workspaceId, String id, Instant at, String actor, String action, String target,
    String sourceIp, String userAgent) {

  /** Bounds what a caller's headers can put in an entry. */
  public static final int MAX_USER_AGENT = 512;
  public static final int MAX_TARGET = 1024;

  public AuditEntry {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    target = cut(target == null ? "" : target, MAX_TARGET);
    userAgent = userAgent == null ? null : cut(userAgent, MAX_USER_AGENT);
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
