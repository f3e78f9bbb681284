package dev.scimlambda.appusers;

/** Another writer changed the app user between our read and our conditional write. */
public final class ConcurrentAppUserChange extends RuntimeException {
  public ConcurrentAppUserChange() {
    super("app user changed concurrently", null, false, false);
  }
}
