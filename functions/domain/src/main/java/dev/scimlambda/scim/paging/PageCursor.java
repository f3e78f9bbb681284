package dev.scimlambda.scim.paging;

/**
 * Where the page starting at a SCIM {@code startIndex} begins in a connection's id-ordered items:
 * DynamoDB has no offsets, so a walk {@code startIndex} 1, 101, 201, ... resumes from here instead
 * of re-reading everything before it.
 *
 * @param afterId the id the page starts after; null when it starts at the beginning
 * @param totalResults the query's total, counted once when the walk began
 */
public record PageCursor(String afterId, long totalResults) {}
