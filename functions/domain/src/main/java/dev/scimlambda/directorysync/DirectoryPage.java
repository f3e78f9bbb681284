package dev.scimlambda.directorysync;

import java.util.List;

/**
 * One page of a provider's answer and where to go on from.
 *
 * <p>Positions are opaque strings the engine stores in the run's checkpoint and hands back
 * unchanged: a Graph {@code @odata.nextLink}/{@code @odata.deltaLink}, an Okta {@code Link:
 * rel="next"} URL or {@code lastUpdated} timestamp, a Google {@code pageToken}. A provider must
 * accept any position it returned, in a later invocation or another process, so everything it needs
 * to resume has to be inside the string. Positions are at most {@link #MAX_POSITION_LENGTH} chars.
 *
 * @param next where the next page of this pass starts, or null when this was the last page
 * @param resumeFrom on the last page: where the next incremental pass starts (a delta link or a
 *     timestamp), or null when the provider has no incremental reads; ignored on other pages
 */
public record DirectoryPage<T>(List<DirectoryEntry<T>> entries, String next, String resumeFrom) {

  public static final int MAX_POSITION_LENGTH = 8_192;

  public DirectoryPage {
    entries = List.copyOf(entries);
    checkLength(next);
    checkLength(resumeFrom);
  }

  public boolean last() {
    return next == null;
  }

  private static void checkLength(String position) {
    if (position != null && position.length() > MAX_POSITION_LENGTH) {
      throw new IllegalArgumentException("a position is at most " + MAX_POSITION_LENGTH + " characters");
    }
  }
}
