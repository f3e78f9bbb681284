package dev.scimlambda.stream;

import java.util.Map;

/**
 * What one redrive did: records applied (and removed), records that failed again (and stay parked),
 * entries that were not parked records at all, and the same by projection.
 */
public record RedriveReport(int applied, int stillFailing, int unreadable, Map<String, Outcome> byProjection) {

  public RedriveReport {
    byProjection = Map.copyOf(byProjection);
  }

  public record Outcome(int applied, int stillFailing) {}

  /** The report as JSON-ready maps, the redrive function's answer. */
  public Map<String, Object> asMap() {
    Map<String, Object> projections = new java.util.TreeMap<>();
    byProjection.forEach((name, outcome) ->
        projections.put(name, Map.of("applied", outcome.applied(), "stillFailing", outcome.stillFailing())));
    return Map.of("applied", applied, "stillFailing", stillFailing, "unreadable", unreadable,
        "byProjection", projections);
  }

  /** One line for a terminal or a log. */
  public String summary() {
    StringBuilder text = new StringBuilder()
        .append("applied ").append(applied).append(", still failing ").append(stillFailing)
        .append(", unreadable ").append(unreadable);
    new java.util.TreeMap<>(byProjection).forEach((projection, outcome) -> text.append("; ").append(projection)
        .append(": applied ").append(outcome.applied()).append(", still failing ").append(outcome.stillFailing()));
    return text.toString();
  }
}
