package dev.scimlambda.scim.resource;

import dev.scimlambda.problem.StaleVersionException;
import java.util.OptionalLong;

/**
 * Weak ETags ({@code W/"<version>"}) and the preconditions of RFC 7644 §3.14. IdPs echo the tag
 * with or without {@code W/}, so comparison looks at the version only.
 */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "W/\"" + version + "\"";
  }

  /** The version a tag of {@link #of} names; empty for any other text. */
  public static OptionalLong version(String tag) {
    if (tag == null) {
      return OptionalLong.empty();
    }
    String t = tag.strip();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    if (t.length() < 3 || !t.startsWith("\"") || !t.endsWith("\"")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(t.substring(1, t.length() - 1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** {@code If-Match}: absent or {@code *} passes; otherwise one listed tag must be the current version. */
  public static void requireMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank() || matchesAny(ifMatch, currentVersion)) {
      return;
    }
    throw new StaleVersionException("The resource changed: its version is " + of(currentVersion));
  }

  /** {@code If-None-Match}: true when the client's copy is current (answer 304). */
  public static boolean notModified(String ifNoneMatch, long currentVersion) {
    return ifNoneMatch != null && !ifNoneMatch.isBlank() && matchesAny(ifNoneMatch, currentVersion);
  }

  private static boolean matchesAny(String header, long version) {
    for (String tag : header.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("\"" + version + "\"")) {
        return true;
      }
    }
    return false;
  }
}
