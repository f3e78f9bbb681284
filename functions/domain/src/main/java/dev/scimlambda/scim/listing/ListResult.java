package dev.scimlambda.scim.listing;

import java.util.List;

/**
 * One page of a list query.
 *
 * @param nextCursor RFC 9865 cursor of the next page when the request used cursors and more follow; else null
 */
public record ListResult<R>(List<R> resources, long totalResults, long startIndex, String nextCursor) {}
