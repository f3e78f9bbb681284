package dev.scimlambda.scim.resource;

/** A store refused a write because the resource changed (or went away) since it was read. */
public final class VersionMismatch extends RuntimeException {

  public VersionMismatch() {
    super("the resource was changed concurrently");
  }
}
