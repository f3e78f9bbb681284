package dev.scimlambda.bench.planning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A DynamoDB access plan for a Users filter, in the key patterns of docs/data-model.md. What a planner
 * must be able to derive from a filter AST: which leaves are equality on a keyed attribute, and how
 * they combine.
 */
public sealed interface Plan {

  /** A point read of one guard or resource item in the connection's partition. */
  record Lookup(String sortKey) implements Plan {
    @Override
    public String toString() {
      return "GetItem CONN#c/" + sortKey;
    }
  }

  /** Several point reads, results merged (an {@code or} of keyed equalities). */
  record Union(List<Plan> plans) implements Plan {
    @Override
    public String toString() {
      return plans.stream().map(Plan::toString).collect(Collectors.joining(" ∪ ", "(", ")"));
    }
  }

  /** A keyed read, then the rest of the filter evaluated on the item(s) read (an {@code and}). */
  record Narrow(Plan keyed) implements Plan {
    @Override
    public String toString() {
      return keyed + ", rest of the filter in memory";
    }
  }

  /** No key applies: page through the connection's users and evaluate the filter on each. */
  record Scan() implements Plan {
    @Override
    public String toString() {
      return "Query gsi1 CONN#c#USERS, filter in memory";
    }
  }

  /**
   * The keyed attributes of a User (data model: id, userName guard, externalId guard). userName is
   * caseExact=false, so its key is lower-cased; id and externalId are caseExact and used as given.
   * {@code caseExact} comes from the engine's schema where it has one, else from ours.
   */
  static Plan lookup(String attribute, String value, boolean caseExact) {
    return switch (attribute.toLowerCase(java.util.Locale.ROOT)) {
      case "id" -> new Lookup("USER#" + value);
      case "username" -> new Lookup("USERNAME#" + (caseExact ? value : value.toLowerCase(java.util.Locale.ROOT)));
      case "externalid" -> new Lookup("USER_EXTID#" + value);
      default -> null;
    };
  }

  static Plan and(List<Plan> children) {
    for (Plan child : children) {
      if (!(child instanceof Scan)) {
        return new Narrow(child instanceof Narrow narrow ? narrow.keyed() : child);
      }
    }
    return new Scan();
  }

  static Plan or(List<Plan> children) {
    if (children.stream().anyMatch(c -> c instanceof Scan || c instanceof Narrow)) {
      return new Scan();
    }
    return new Union(children.stream()
        .flatMap(c -> c instanceof Union u ? u.plans().stream() : java.util.stream.Stream.of(c))
        .collect(Collectors.toList()));
  }
}
