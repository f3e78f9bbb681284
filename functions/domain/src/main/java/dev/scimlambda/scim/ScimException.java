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

  public ScimException(int status, ScimType scimType, String detail) {
    super(detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…");
    this.status = status;
    this.scimType = scimType;
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

  /** Null where RFC 7644 defines no keyword for the status (e.g. 401, 404). */
  public ScimType scimType() {
    return scimType;
  }
}
