package dev.scimlambda.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.resource.ResourceLimits;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the filters IdPs send to find one resource ({@code userName eq "x"},
 * {@code externalId eq "x"}, {@code emails[type eq "work"].value eq "x"}, or such a term and-ed with
 * others) so the store reads index items instead of scanning. Anything else is a scan. A lookup
 * still evaluates the whole filter on its candidates, so both plans return the same resources.
 */
public final class FilterPlanner {

  private final ResourceSchema schema;
  private final Map<String, IndexedAttribute> indexed;
  private final Map<ResolvedPath, IndexedAttribute> indexedPaths;

  /**
   * @param indexedPaths attribute paths (as in a filter: {@code userName}, {@code emails.value}) to
   *     the index holding their values
   */
  public FilterPlanner(ResourceSchema schema, Map<String, IndexedAttribute> indexedPaths) {
    this.schema = schema;
    Map<String, IndexedAttribute> byCanonicalPath = new LinkedHashMap<>();
    Map<ResolvedPath, IndexedAttribute> byPath = new LinkedHashMap<>();
    indexedPaths.forEach((path, attribute) -> {
      ResolvedPath resolved = resolve(path);
      byCanonicalPath.put(resolved.canonical(), attribute);
      byPath.put(resolved, attribute);
    });
    this.indexed = Map.copyOf(byCanonicalPath);
    this.indexedPaths = Map.copyOf(byPath);
  }

  /** The User indexes: id, userName, externalId and email addresses. */
  public static FilterPlanner users() {
    return new FilterPlanner(
        ScimSchemas.user(),
        Map.of(
            "id", IndexedAttribute.ID,
            "userName", IndexedAttribute.USER_NAME,
            "externalId", IndexedAttribute.EXTERNAL_ID,
            "emails.value", IndexedAttribute.EMAIL));
  }

  /** The Group indexes: id, displayName, externalId and the members' ids. */
  public static FilterPlanner groups() {
    return new FilterPlanner(
        ScimSchemas.group(),
        Map.of(
            "id", IndexedAttribute.ID,
            "displayName", IndexedAttribute.DISPLAY_NAME,
            "externalId", IndexedAttribute.EXTERNAL_ID,
            "members.value", IndexedAttribute.MEMBER));
  }

  /**
   * The keys to index {@code resource} under, per index: read with the evaluator's rules (names in
   * any case, every value of a multi-valued attribute) and normalised by {@link IndexedAttribute#key},
   * so a lookup finds every resource a scan would. Stores write their index items from this.
   */
  public Map<IndexedAttribute, Set<String>> indexKeys(ObjectNode resource) {
    Map<IndexedAttribute, Set<String>> keys = new EnumMap<>(IndexedAttribute.class);
    indexedPaths.forEach((path, attribute) -> {
      for (JsonNode value : path.values(resource)) {
        String text = Json.text(value);
        if (text != null) {
          keys.computeIfAbsent(attribute, a -> new LinkedHashSet<>()).add(attribute.key(text));
        }
      }
    });
    return keys;
  }

  /** {@code filter} may be null (no filter: every resource). */
  public QueryPlan plan(Filter filter) {
    if (filter == null) {
      return new QueryPlan.FullScan(null);
    }
    return lookup(filter, null)
        .<QueryPlan>map(term -> new QueryPlan.IndexLookup(term.attribute(), term.key(), filter))
        .orElseGet(() -> new QueryPlan.FullScan(filter));
  }

  private record Term(IndexedAttribute attribute, String key) {}

  /**
   * The best index term that every resource matching {@code filter} satisfies: an eq on an indexed
   * path, or one among the operands of an and. {@code within} is the canonical path of the complex
   * attribute a value filter applies to, else null.
   */
  private Optional<Term> lookup(Filter filter, String within) {
    FilterType type = filter.getFilterType();
    if (type == FilterType.AND) {
      Optional<Term> best = Optional.empty();
      for (Filter operand : filter.getCombinedFilters()) {
        Optional<Term> term = lookup(operand, within);
        if (term.isPresent() && (best.isEmpty() || term.get().attribute().compareTo(best.get().attribute()) < 0)) {
          best = term;
        }
      }
      return best;
    }
    if (type == FilterType.COMPLEX_VALUE && within == null) {
      ResolvedPath path = ResolvedPath.resolve(filter.getAttributePath(), schema);
      return path.isWholeExtension() ? Optional.empty() : lookup(filter.getValueFilter(), path.canonical());
    }
    if (type == FilterType.EQUAL && filter.getComparisonValue() != null && filter.getComparisonValue().isTextual()) {
      String path = within == null
          ? ResolvedPath.resolve(filter.getAttributePath(), schema).valueOfComplex().canonical()
          : within + "." + relative(filter.getAttributePath());
      IndexedAttribute attribute = indexed.get(path);
      if (attribute != null) {
        String key = attribute.key(filter.getComparisonValue().textValue());
        if (!ResourceLimits.fitsKey(key)) {
          // No stored value is this long, and a key this long is refused by DynamoDB.
          throw new InvalidInputException(ScimType.invalidFilter, "The value compared with '" + attribute.path()
              + "' is longer than " + ResourceLimits.MAX_KEY_BYTES + " bytes (UTF-8), the longest value stored");
        }
        return Optional.of(new Term(attribute, key));
      }
    }
    return Optional.empty();
  }

  private static String relative(Path path) {
    StringBuilder names = new StringBuilder();
    for (Path.Element element : path) {
      names.append(names.length() == 0 ? "" : ".").append(element.getAttribute().toLowerCase(Locale.ROOT));
    }
    return names.toString();
  }

  private ResolvedPath resolve(String path) {
    try {
      return ResolvedPath.resolve(Path.fromString(path), schema).valueOfComplex();
    } catch (BadRequestException e) {
      throw new IllegalArgumentException("not an attribute path: " + path, e);
    }
  }
}
