package dev.scimlambda.scim.paging;

import java.util.Optional;

/** Remembers, for a while, where each page of a list query starts. */
public interface PageCursorStore {

  /**
   * @param scope the connection and resource type
   * @param queryKey identifies the query (filter and the like), so different queries never share positions
   */
  Optional<PageCursor> find(String scope, String queryKey, long startIndex);

  void save(String scope, String queryKey, long startIndex, PageCursor cursor);
}
