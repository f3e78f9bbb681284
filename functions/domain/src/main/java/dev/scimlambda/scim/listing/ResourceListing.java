package dev.scimlambda.scim.listing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.paging.PageCursor;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.query.FilterEvaluator;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.IndexedAttribute;
import dev.scimlambda.scim.query.QueryPlan;
import dev.scimlambda.scim.query.ResourceComparator;
import dev.scimlambda.scim.query.ScimFilters;
import dev.scimlambda.scim.query.SortOrder;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lists a connection's resources of one type (RFC 7644 §3.4.2) the way DynamoDB is cheap to ask: filters IdPs send
 * for one user are index lookups; everything else streams the connection's users in id order with
 * memory bounded by the page; and a walk page by page resumes from a remembered position instead of
 * re-reading from the start, so walking N users costs O(N) reads, not O(N²).
 */
public class ResourceListing<R> {

  public static final int DEFAULT_COUNT = 100;
  public static final int MAX_COUNT = 1000;
  /**
   * The most resources one request reads from the store. A filter no index answers, a sortBy, or
   * a startIndex without a remembered position reads resources one page after another; past this
   * many the request is refused with 400 {@code tooMany} (RFC 7644 §3.12) instead of reading a
   * whole partition, whatever its size (issue 15). Walking a connection page by page stays cheap:
   * each page resumes where the previous one ended.
   */
  public static final int MAX_EXAMINED = 10_000;
  /** sortBy needs every match in memory: the same bound. */
  public static final int MAX_SORTED = MAX_EXAMINED;
  private static final int SCAN_PAGE = 200;

  private final Source<R> store;
  private final PageCursorStore cursors;
  private final ResourceSchema schema;
  private final FilterPlanner planner;
  private final int maxExamined;

  /** Where a listing reads its resources: the store of one resource type. */
  public interface Source<R> {
    /** Resources in id order after {@code afterId} (null = start) and the id to continue after, null at the end. */
    Page<R> page(String connectionId, String afterId, int limit);

    long count(String connectionId);

    /** The resources an index lookup names (each still filtered by the whole request filter). */
    List<R> lookup(String connectionId, IndexedAttribute attribute, String key);

    String id(R resource);

    /**
     * The resource as clients see it (RFC 7644 §3.4.2.2): the document with {@code id} and
     * {@code meta}, which filters and sortBy are evaluated on, so {@code id eq},
     * {@code meta.lastModified gt} and {@code sortBy=meta.created} work.
     *
     * @param baseUrl the connection's SCIM base URL, for {@code meta.location}
     */
    ObjectNode representation(R resource, String baseUrl);
  }

  public record Page<R>(List<R> resources, String lastId) {}

  public ResourceListing(Source<R> store, PageCursorStore cursors, ResourceSchema schema, FilterPlanner planner) {
    this(store, cursors, schema, planner, MAX_EXAMINED);
  }

  /** With another bound on the resources one request reads, so tests need not store 10,000. */
  ResourceListing(Source<R> store, PageCursorStore cursors, ResourceSchema schema, FilterPlanner planner, int maxExamined) {
    this.maxExamined = maxExamined;
    this.store = store;
    this.cursors = cursors;
    this.schema = schema;
    this.planner = planner;
  }

  /** @param baseUrl the connection's SCIM base URL, for {@code meta.location} in filters */
  public ListResult<R> list(String connectionId, ListQuery query, String baseUrl) {
    int count = query.count() == null ? DEFAULT_COUNT : Math.max(0, Math.min(query.count(), MAX_COUNT));
    long startIndex = query.startIndex() == null || query.startIndex() < 1 ? 1 : query.startIndex();
    Filter filter = query.filter() == null || query.filter().isBlank() ? null : ScimFilters.parse(query.filter());
    Predicate<ObjectNode> evaluated = filter == null ? user -> true : FilterEvaluator.compile(filter, schema);
    Predicate<R> matches = filter == null ? resource -> true
        : resource -> evaluated.test(store.representation(resource, baseUrl));
    QueryPlan plan = filter == null ? new QueryPlan.FullScan(null) : planner.plan(filter);
    Comparator<ObjectNode> order = query.sortBy() == null || query.sortBy().isBlank()
        ? null : ResourceComparator.of(schema, query.sortBy(), SortOrder.parse(query.sortOrder()));

    if (plan instanceof QueryPlan.IndexLookup lookup) {
      return slice(sorted(store.lookup(connectionId, lookup.attribute(), lookup.key()), matches, order, baseUrl),
          startIndex, count);
    }
    if (order != null) {
      return slice(sorted(everyResource(connectionId), matches, order, baseUrl), startIndex, count);
    }
    String queryKey = queryKey(query.filter());
    if (query.cursor() != null) {
      return cursorPage(connectionId, filter, matches, queryKey, query.cursor(), count);
    }
    return indexPage(connectionId, filter, matches, queryKey, startIndex, count);
  }

  /** Index pagination: resume at the remembered position for this startIndex, or find it once. */
  private ListResult<R> indexPage(
      String connectionId, Filter filter, Predicate<R> matches, String queryKey, long startIndex, int count) {
    String scope = connectionId + schema.endpoint();
    Optional<PageCursor> remembered = startIndex == 1 ? Optional.empty() : cursors.find(scope, queryKey, startIndex);
    // Unfiltered, the total is the connection's count, read once: a startIndex past it is an
    // empty page answered without reading up to the end.
    Long counted = remembered.isEmpty() && filter == null ? store.count(connectionId) : null;
    if (counted != null && startIndex > counted) {
      return new ListResult<>(List.of(), counted, startIndex, null);
    }
    Scan<R> scan = remembered
        .map(c -> scan(connectionId, matches, c.afterId(), 0, count, false))
        .orElseGet(() -> scan(connectionId, matches, null, startIndex - 1, count, filter != null));
    long total = remembered.map(PageCursor::totalResults)
        .orElseGet(() -> counted != null ? counted : scan.matched());
    if (scan.page().size() == count && count > 0) {
      cursors.save(scope, queryKey, startIndex + count, new PageCursor(scan.lastPageId(), total));
    }
    return new ListResult<>(scan.page(), total, startIndex, null);
  }

  /** RFC 9865 cursor pagination: the cursor carries the position and the total. */
  private ListResult<R> cursorPage(
      String connectionId, Filter filter, Predicate<R> matches, String queryKey, String cursor, int count) {
    PageCursor position = cursor.isEmpty() ? null : CursorToken.decode(cursor, queryKey);
    Scan<R> scan = scan(connectionId, matches, position == null ? null : position.afterId(), 0, count, position == null && filter != null);
    long total = position != null ? position.totalResults() : filter == null ? store.count(connectionId) : scan.matched();
    String next = scan.page().size() == count && scan.more() ? CursorToken.encode(new PageCursor(scan.lastPageId(), total), queryKey) : null;
    return new ListResult<>(scan.page(), total, 1, next);
  }

  /**
   * Streams users in id order after {@code afterId}, skipping {@code skip} matches and keeping the
   * next {@code count}. With {@code countAll} it reads to the end to count every match (the first
   * page of a filtered walk, whose total is then remembered); otherwise it stops once the page is full.
   */
  private Scan<R> scan(String connectionId, Predicate<R> matches, String afterId, long skip, int count,
      boolean countAll) {
    List<R> page = new ArrayList<>();
    long matched = 0;
    String lastPageId = afterId;
    String next = afterId;
    boolean more = false;
    long examined = 0;
    do {
      if (examined >= maxExamined) {
        throw tooMany();
      }
      Page<R> batch = store.page(connectionId, next, (int) Math.min(SCAN_PAGE, maxExamined - examined));
      examined += batch.resources().size();
      for (R user : batch.resources()) {
        if (!matches.test(user)) {
          continue;
        }
        matched++;
        if (matched > skip && page.size() < count) {
          page.add(user);
          lastPageId = store.id(user);
        } else if (page.size() == count && matched > skip + count) {
          more = true;
          if (!countAll) {
            return new Scan<>(page, matched, lastPageId, true);
          }
        }
      }
      next = batch.lastId();
    } while (next != null);
    return new Scan<>(page, matched, lastPageId, more);
  }

  private record Scan<R>(List<R> page, long matched, String lastPageId, boolean more) {}

  private List<R> everyResource(String connectionId) {
    List<R> all = new ArrayList<>();
    String next = null;
    do {
      // One more than the bound tells that there are too many.
      Page<R> batch = store.page(connectionId, next, Math.min(SCAN_PAGE, maxExamined + 1 - all.size()));
      all.addAll(batch.resources());
      if (all.size() > maxExamined) {
        throw new InvalidInputException(ScimType.tooMany,
            "Sorting is limited to " + maxExamined + " resources; add a filter to narrow the result");
      }
      next = batch.lastId();
    } while (next != null);
    return all;
  }

  private List<R> sorted(List<R> resources, Predicate<R> matches, Comparator<ObjectNode> order, String baseUrl) {
    List<R> selected = new ArrayList<>(resources.stream().filter(matches).toList());
    Comparator<R> byId = Comparator.comparing(store::id);
    if (order == null) {
      selected.sort(byId);
      return selected;
    }
    // Each resource is represented once, not once per comparison.
    java.util.Map<R, ObjectNode> represented = new java.util.IdentityHashMap<>();
    selected.forEach(r -> represented.put(r, store.representation(r, baseUrl)));
    selected.sort(Comparator.<R, ObjectNode>comparing(represented::get, order).thenComparing(byId));
    return selected;
  }

  private InvalidInputException tooMany() {
    return new InvalidInputException(ScimType.tooMany, "Answering would read more than " + maxExamined
        + " resources; use a filter on an indexed attribute (id, userName, externalId, emails.value; displayName,"
        + " members.value for groups), or walk the pages in order");
  }

  private static <R> ListResult<R> slice(List<R> all, long startIndex, int count) {
    int from = (int) Math.min(all.size(), startIndex - 1);
    int to = Math.min(all.size(), from + count);
    return new ListResult<>(List.copyOf(all.subList(from, to)), all.size(), startIndex, null);
  }

  /** Queries share remembered positions only when their filters are identical. */
  private static String queryKey(String filter) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((filter == null ? "" : filter.strip()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
