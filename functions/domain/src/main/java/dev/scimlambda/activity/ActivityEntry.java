package dev.scimlambda.activity;

import java.time.Instant;

/**
 * One SCIM request of a connection as the admin sees it in the activity log: what the IdP asked
 * for, what it got, and (for a write, once the stream processor has derived it) what changed.
 *
 * @param at when the request arrived
 * @param operation e.g. {@code create User}, {@code patch Group}, {@code list Users}
 * @param resourceType {@code User}, {@code Group}, or null for discovery and bulk requests
 * @param resourceId the resource the request addressed or created, null for collections
 * @param scimType the SCIM error keyword of a failure, when it has one
 * @param detail the error detail of a failure, already redacted ({@link Redaction#detail})
 * @param resourceVersion the version a successful write produced (its ETag), null otherwise
 * @param revision what the write changed; attached when the log is read, null until derived
 */
public record ActivityEntry(
    String connectionId,
    String requestId,
    Instant at,
    String method,
    String operation,
    String resourceType,
    String resourceId,
    int status,
    String scimType,
    String detail,
    long latencyMs,
    String userAgent,
    Long resourceVersion,
    ResourceRevision revision) {

  public boolean succeeded() {
    return status < 400;
  }

  public String outcome() {
    return succeeded() ? Outcome.SUCCESS.wireName() : Outcome.FAILURE.wireName();
  }

  /** The revision this request wrote, if {@code revision} is it: same version, modified while the request ran. */
  boolean wrote(ResourceRevision candidate) {
    if (!succeeded() || resourceVersion == null || candidate.version() != resourceVersion) {
      return false;
    }
    // A write that changed nothing answers with the existing version; the revision of that version
    // then belongs to an earlier request, which its modification time tells.
    Instant finished = at.plusMillis(latencyMs + 1);
    return !candidate.modifiedAt().isBefore(at.minusMillis(1)) && !candidate.modifiedAt().isAfter(finished);
  }

  ActivityEntry withRevision(ResourceRevision attached) {
    return new ActivityEntry(connectionId, requestId, at, method, operation, resourceType, resourceId, status, scimType,
        detail, latencyMs, userAgent, resourceVersion, attached);
  }

  /** The key of the revision this entry may have written, or null when it wrote none. */
  RevisionKey revisionKey() {
    return succeeded() && resourceId != null && resourceVersion != null
        ? new RevisionKey(resourceType, resourceId, resourceVersion) : null;
  }

  /** The outcome filter of the activity log. */
  public enum Outcome {
    SUCCESS, FAILURE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
