package dev.scimlambda.scim;

/** A request the SCIM protocol rejects; rendered as an RFC 7644 §3.12 error response. */
public final class ScimException extends RuntimeException {

  /**
   * Details often quote what the client sent (a path, a bulkId, an id); beyond this they are cut,
   * so an error answer and its activity entry stay small whatever was sent.
   */
  public static final int MAX_DETAIL = 1024;

  private final int status;
  private final ScimType scimType;
  private final int retryAfterSeconds;

  public ScimException(int status, ScimType scimType, String detail) {
    this(status, scimType, detail, 0);
  }

  private ScimException(int status, ScimType scimType, String detail, int retryAfterSeconds) {
    super(detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…");
    this.status = status;
    this.scimType = scimType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * 503 with {@code Retry-After}: the request lost to concurrent writers more often than it retries
   * by itself. Nothing was changed, and the same request can simply be sent again; 409 stays for a
   * value another resource holds.
   */
  public static ScimException contended(String detail, int retryAfterSeconds) {
    return new ScimException(503, null, detail, retryAfterSeconds);
  }

  public static ScimException notFound(String detail) {
    return new ScimException(404, null, detail);
  }

  public static ScimException badRequest(ScimType scimType, String detail) {
    return new ScimException(400, scimType, detail);
  }

  public int status() {
    return status;
  }

  /** Seconds for the {@code Retry-After} header; 0 = none. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Null where RFC 7644 defines no keyword for the status (e.g. 401, 404). */
  public ScimType scimType() {
    return scimType;
  }
}
