package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimType;
import dev.scimlambda.scim.paging.PageCursor;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.query.FilterEvaluator;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.QueryPlan;
import dev.scimlambda.scim.query.ResourceComparator;
import dev.scimlambda.scim.query.ScimFilters;
import dev.scimlambda.scim.query.SortOrder;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.ScimSchemas;
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
 * Lists a connection's users (RFC 7644 §3.4.2) the way DynamoDB is cheap to ask: filters IdPs send
 * for one user are index lookups; everything else streams the connection's users in id order with
 * memory bounded by the page; and a walk page by page resumes from a remembered position instead of
 * re-reading from the start, so walking N users costs O(N) reads, not O(N²).
 */
public final class UserListing {

  public static final int DEFAULT_COUNT = 100;
  public static final int MAX_COUNT = 1000;
  /** sortBy needs every match in memory; beyond this a client must filter more narrowly. */
  public static final int MAX_SORTED = 10_000;
  private static final int SCAN_PAGE = 200;

  private final UserStore store;
  private final PageCursorStore cursors;
  private final ResourceSchema schema = ScimSchemas.user();
  private final FilterPlanner planner = FilterPlanner.users();

  public UserListing(UserStore store, PageCursorStore cursors) {
    this.store = store;
    this.cursors = cursors;
  }

  public ListResult list(String connectionId, ListQuery query) {
    int count = query.count() == null ? DEFAULT_COUNT : Math.max(0, Math.min(query.count(), MAX_COUNT));
    long startIndex = query.startIndex() == null || query.startIndex() < 1 ? 1 : query.startIndex();
    Filter filter = query.filter() == null || query.filter().isBlank() ? null : ScimFilters.parse(query.filter());
    Predicate<ObjectNode> matches = filter == null ? user -> true : FilterEvaluator.compile(filter, schema);
    QueryPlan plan = filter == null ? new QueryPlan.FullScan(null) : planner.plan(filter);
    Comparator<ObjectNode> order = query.sortBy() == null || query.sortBy().isBlank()
        ? null : ResourceComparator.of(schema, query.sortBy(), SortOrder.parse(query.sortOrder()));

    if (plan instanceof QueryPlan.IndexLookup lookup) {
      return slice(sorted(candidates(connectionId, lookup), matches, order), startIndex, count);
    }
    if (order != null) {
      return slice(sorted(everyUser(connectionId), matches, order), startIndex, count);
    }
    String queryKey = queryKey(query.filter());
    if (query.cursor() != null) {
      return cursorPage(connectionId, filter, matches, queryKey, query.cursor(), count);
    }
    return indexPage(connectionId, filter, matches, queryKey, startIndex, count);
  }

  /** Index pagination: resume at the remembered position for this startIndex, or find it once. */
  private ListResult indexPage(
      String connectionId, Filter filter, Predicate<ObjectNode> matches, String queryKey, long startIndex, int count) {
    String scope = connectionId + "/Users";
    Optional<PageCursor> remembered = startIndex == 1 ? Optional.empty() : cursors.find(scope, queryKey, startIndex);
    Scan scan = remembered
        .map(c -> scan(connectionId, matches, c.afterId(), 0, count, false))
        .orElseGet(() -> scan(connectionId, matches, null, startIndex - 1, count, filter != null));
    long total = remembered.map(PageCursor::totalResults)
        .orElseGet(() -> filter == null ? store.count(connectionId) : scan.matched());
    if (scan.page().size() == count && count > 0) {
      cursors.save(scope, queryKey, startIndex + count, new PageCursor(scan.lastPageId(), total));
    }
    return new ListResult(scan.page(), total, startIndex, null);
  }

  /** RFC 9865 cursor pagination: the cursor carries the position and the total. */
  private ListResult cursorPage(
      String connectionId, Filter filter, Predicate<ObjectNode> matches, String queryKey, String cursor, int count) {
    PageCursor position = cursor.isEmpty() ? null : CursorToken.decode(cursor, queryKey);
    Scan scan = scan(connectionId, matches, position == null ? null : position.afterId(), 0, count, position == null && filter != null);
    long total = position != null ? position.totalResults() : filter == null ? store.count(connectionId) : scan.matched();
    String next = scan.page().size() == count && scan.more() ? CursorToken.encode(new PageCursor(scan.lastPageId(), total), queryKey) : null;
    return new ListResult(scan.page(), total, 1, next);
  }

  /**
   * Streams users in id order after {@code afterId}, skipping {@code skip} matches and keeping the
   * next {@code count}. With {@code countAll} it reads to the end to count every match (the first
   * page of a filtered walk, whose total is then remembered); otherwise it stops once the page is full.
   */
  private Scan scan(String connectionId, Predicate<ObjectNode> matches, String afterId, long skip, int count,
      boolean countAll) {
    List<ScimUser> page = new ArrayList<>();
    long matched = 0;
    String lastPageId = afterId;
    String next = afterId;
    boolean more = false;
    do {
      UserStore.UserPage batch = store.page(connectionId, next, SCAN_PAGE);
      for (ScimUser user : batch.users()) {
        if (!matches.test(user.document())) {
          continue;
        }
        matched++;
        if (matched > skip && page.size() < count) {
          page.add(user);
          lastPageId = user.id();
        } else if (page.size() == count && matched > skip + count) {
          more = true;
          if (!countAll) {
            return new Scan(page, matched, lastPageId, true);
          }
        }
      }
      next = batch.lastId();
    } while (next != null);
    return new Scan(page, matched, lastPageId, more);
  }

  private record Scan(List<ScimUser> page, long matched, String lastPageId, boolean more) {}

  private List<ScimUser> candidates(String connectionId, QueryPlan.IndexLookup lookup) {
    List<String> ids = switch (lookup.attribute()) {
      case ID -> List.of(lookup.key());
      case USER_NAME -> store.findId(connectionId, UserStore.LookupKey.USER_NAME, lookup.key()).stream().toList();
      case EXTERNAL_ID -> store.findId(connectionId, UserStore.LookupKey.EXTERNAL_ID, lookup.key()).stream().toList();
      case EMAIL -> store.findIdsByEmail(connectionId, lookup.key());
    };
    return ids.stream().map(id -> store.find(connectionId, id)).flatMap(Optional::stream).toList();
  }

  private List<ScimUser> everyUser(String connectionId) {
    List<ScimUser> all = new ArrayList<>();
    String next = null;
    do {
      UserStore.UserPage batch = store.page(connectionId, next, SCAN_PAGE);
      all.addAll(batch.users());
      if (all.size() > MAX_SORTED) {
        throw ScimException.badRequest(ScimType.tooMany,
            "Sorting is limited to " + MAX_SORTED + " users; add a filter to narrow the result");
      }
      next = batch.lastId();
    } while (next != null);
    return all;
  }

  private static List<ScimUser> sorted(List<ScimUser> users, Predicate<ObjectNode> matches, Comparator<ObjectNode> order) {
    List<ScimUser> selected = new ArrayList<>(users.stream().filter(u -> matches.test(u.document())).toList());
    Comparator<ScimUser> byId = Comparator.comparing(ScimUser::id);
    selected.sort(order == null ? byId : Comparator.<ScimUser, ObjectNode>comparing(u -> withId(u), order).thenComparing(byId));
    return selected;
  }

  private static ObjectNode withId(ScimUser user) {
    return user.document().deepCopy().put("id", user.id());
  }

  private static ListResult slice(List<ScimUser> all, long startIndex, int count) {
    int from = (int) Math.min(all.size(), startIndex - 1);
    int to = Math.min(all.size(), from + count);
    return new ListResult(List.copyOf(all.subList(from, to)), all.size(), startIndex, null);
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
