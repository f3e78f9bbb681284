package dev.scimlambda.persistence;

import static dev.scimlambda.persistence.Item.s;
import static dev.scimlambda.persistence.KeySchema.PK;
import static dev.scimlambda.persistence.KeySchema.SK;

import dev.scimlambda.scim.paging.PageCursor;
import dev.scimlambda.scim.paging.PageCursorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Page cursors as short-lived items that TTL removes. A cursor past its lifetime is ignored even
 * before TTL gets to it (TTL deletion can lag by hours).
 */
public final class DynamoPageCursorStore implements PageCursorStore {

  static final Duration LIFETIME = Duration.ofHours(1);

  private final TableAccess table;
  private final Clock clock;

  public DynamoPageCursorStore(TableAccess table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Optional<PageCursor> find(String scope, String queryKey, long startIndex) {
    Map<String, AttributeValue> item =
        table.dynamo().getItem(b -> b.tableName(table.tableName()).key(key(scope, queryKey, startIndex))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Item cursor = Item.of(item);
    if (cursor.number(KeySchema.EXPIRES_AT) <= clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(new PageCursor(cursor.string("afterId"), cursor.number("totalResults")));
  }

  @Override
  public void save(String scope, String queryKey, long startIndex, PageCursor cursor) {
    Item item = Item.of(new HashMap<>(key(scope, queryKey, startIndex)))
        .put(KeySchema.ENTITY, "PageCursor")
        .put("afterId", cursor.afterId())
        .put("totalResults", cursor.totalResults())
        .put(KeySchema.EXPIRES_AT, clock.instant().plus(LIFETIME).getEpochSecond());
    table.dynamo().putItem(b -> b.tableName(table.tableName()).item(item.values()));
  }

  private static Map<String, AttributeValue> key(String scope, String queryKey, long startIndex) {
    return Map.of(PK, s(KeySchema.cursorPartition(scope, queryKey)), SK, s(KeySchema.cursorSk(startIndex)));
  }
}
