package dev.scimlambda.scim.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.paging.PageCursor;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.IndexedAttribute;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A request reads at most a bounded number of resources (issue 15: {@code startIndex=2147483647} or
 * a non-indexed filter read a whole partition): past it, 400 tooMany; a startIndex past the end is
 * answered from the count alone.
 */
class BoundedScanTest {

  private static final int USERS = 1_000;
  private static final int BOUND = 300;

  /** Users u0000..u0999 in id order; every tenth has title "rare"; counts the resources read. */
  private static final class Directory implements ResourceListing.Source<ObjectNode> {
    final List<ObjectNode> users = new ArrayList<>();
    int read;

    Directory() {
      for (int i = 0; i < USERS; i++) {
        users.add(ScimJson.MAPPER.createObjectNode().put("id", String.format("u%04d", i))
            .put("userName", "user" + i).put("title", i % 10 == 0 ? "rare" : "common"));
      }
    }

    @Override
    public ResourceListing.Page<ObjectNode> page(String connectionId, String afterId, int limit) {
      int from = 0;
      while (afterId != null && from < users.size() && users.get(from).get("id").asText().compareTo(afterId) <= 0) {
        from++;
      }
      List<ObjectNode> page = users.subList(from, Math.min(users.size(), from + limit));
      read += page.size();
      boolean more = from + limit < users.size();
      return new ResourceListing.Page<>(List.copyOf(page), more ? page.get(page.size() - 1).get("id").asText() : null);
    }

    @Override
    public long count(String connectionId) {
      return users.size();
    }

    @Override
    public List<ObjectNode> lookup(String connectionId, IndexedAttribute attribute, String key) {
      return users.stream().filter(u -> u.get("id").asText().equals(key)).toList();
    }

    @Override
    public String id(ObjectNode resource) {
      return resource.get("id").asText();
    }

    @Override
    public ObjectNode representation(ObjectNode resource, String baseUrl) {
      ObjectNode copy = resource.deepCopy();
      copy.putObject("meta").put("resourceType", "User").put("location", baseUrl + "/Users/" + id(resource));
      return copy;
    }
  }

  private static final class Remembered implements PageCursorStore {
    final Map<String, PageCursor> positions = new HashMap<>();

    @Override
    public Optional<PageCursor> find(String scope, String queryKey, long startIndex) {
      return Optional.ofNullable(positions.get(scope + queryKey + startIndex));
    }

    @Override
    public void save(String scope, String queryKey, long startIndex, PageCursor cursor) {
      positions.put(scope + queryKey + startIndex, cursor);
    }
  }

  private final Directory directory = new Directory();
  private final ResourceListing<ObjectNode> listing =
      new ResourceListing<>(directory, new Remembered(), ScimSchemas.user(), FilterPlanner.users(), BOUND);

  private static ListQuery query(String filter, Long startIndex, Integer count) {
    return new ListQuery(filter, null, null, startIndex, count, null, List.of(), List.of());
  }

  private ListResult<ObjectNode> list(ListQuery query) {
    return listing.list("c", query, "https://scim.example.com/c");
  }

  @Test
  void aStartIndexPastTheEndIsAnEmptyPageWithoutReadingResources() {
    ListResult<ObjectNode> result = list(query(null, 2_147_483_647L, 10));
    assertThat(result.resources()).isEmpty();
    assertThat(result.totalResults()).isEqualTo(USERS);
    assertThat(directory.read).isZero();
  }

  @Test
  void aNonIndexedFilterOverMoreResourcesThanTheBoundIs400TooMany() {
    assertThatThrownBy(() -> list(query("title eq \"rare\"", null, 10)))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.tooMany);
        });
    assertThat(directory.read).isLessThanOrEqualTo(BOUND);
  }

  @Test
  void aStartIndexWithoutARememberedPositionBeyondTheBoundIs400TooMany() {
    assertThatThrownBy(() -> list(query(null, 900L, 10)))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.tooMany));
    assertThat(directory.read).isLessThanOrEqualTo(BOUND);
  }

  @Test
  void walkingEveryPageInOrderStaysWithinTheBoundPerRequest() {
    List<String> seen = new ArrayList<>();
    for (long start = 1; start <= USERS; start += 100) {
      directory.read = 0;
      list(query(null, start, 100)).resources().forEach(u -> seen.add(u.get("id").asText()));
      assertThat(directory.read).isLessThanOrEqualTo(BOUND);
    }
    assertThat(seen).hasSize(USERS).doesNotHaveDuplicates();
  }

  @Test
  void anIdFilterIsALookupAndSeesTheRepresentation() {
    ListResult<ObjectNode> result = list(query("id eq \"u0042\" and meta.resourceType eq \"User\"", null, 10));
    assertThat(result.resources()).extracting(u -> u.get("id").asText()).containsExactly("u0042");
    assertThat(directory.read).isZero();
  }

  @Test
  void metaLocationIsFilteredWithTheConnectionsBaseUrl() {
    ListResult<ObjectNode> result = list(query("id eq \"u0007\" and meta.location eq \"https://scim.example.com/c/Users/u0007\"", null, 10));
    assertThat(result.resources()).hasSize(1);
  }
}
