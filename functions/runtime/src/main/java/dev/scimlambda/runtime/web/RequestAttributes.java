package dev.scimlambda.runtime.web;

/** Request attributes one filter sets and others, across modules, read. */
public final class RequestAttributes {

  /** The authenticated {@link dev.scimlambda.connection.Connection} of a SCIM request. */
  public static final String CONNECTION = "scim.connection";

  private RequestAttributes() {}
}
