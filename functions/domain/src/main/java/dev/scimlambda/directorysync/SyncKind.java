package dev.scimlambda.directorysync;

import java.util.Locale;

/**
 * A full pass reads the whole directory (first sync, then periodically) and is the only pass that
 * may conclude someone disappeared: whatever it did not see is deactivated or un-grouped at its end.
 * An incremental pass reads what changed since the position the previous pass ended at, removals
 * included.
 */
public enum SyncKind {
  FULL,
  INCREMENTAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
